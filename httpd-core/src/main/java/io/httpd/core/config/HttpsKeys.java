package io.httpd.core.config;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The two {@code [[listen]]} keys that move clients to https: {@code redirect_https} (a plain
 * listener answers every request with a 308 to the https port) and {@code hsts} (a TLS listener
 * sends {@code Strict-Transport-Security}). Each belongs to one kind of listener only.
 */
final class HttpsKeys {
    /** RFC 6797 §6.1: {@code directive-name [ "=" directive-value ]}, a value a token or quoted. */
    private static final Pattern DIRECTIVE = Pattern.compile(
            "([!#$%&'*+.^_`|~0-9A-Za-z-]+)(?:\\s*=\\s*([!#$%&'*+.^_`|~0-9A-Za-z-]+|\"[^\"\\\\]*\"))?");
    private static final Pattern DELTA_SECONDS = Pattern.compile("\"?[0-9]{1,10}\"?");

    private HttpsKeys() {
    }

    static int redirect(TableConfig table, String tls) {
        long port = table.integer("redirect_https", 0);
        if (port == 0) {
            return 0;
        }
        if (tls != null) {
            throw table.error("redirect_https", "only for a plain listener: this one already "
                    + "speaks TLS (tls = \"" + tls + "\")");
        }
        if (port < 1 || port > 65535) {
            throw table.error("redirect_https", "must be the https port, 1 to 65535, not " + port);
        }
        return (int) port;
    }

    static String hsts(TableConfig table, String tls) {
        String value = table.string("hsts").map(String::strip).orElse("");
        if (value.isEmpty()) {
            return "";
        }
        if (tls == null) {
            throw table.error("hsts", "only for a TLS listener: Strict-Transport-Security must "
                    + "not be sent over plain HTTP (RFC 6797 §7.2)");
        }
        String problem = problem(value);
        if (problem != null) {
            throw table.error("hsts", problem + ", such as \"max-age=31536000; "
                    + "includeSubDomains\" (RFC 6797 §6.1)");
        }
        return value;
    }

    /** What is wrong with a Strict-Transport-Security value, or null. */
    private static String problem(String value) {
        Set<String> seen = new HashSet<>();
        for (String part : value.split(";", -1)) {
            String directive = part.strip();
            if (directive.isEmpty()) {
                continue;
            }
            var m = DIRECTIVE.matcher(directive);
            if (!m.matches()) {
                return "not a directive: \"" + directive + "\"";
            }
            String name = m.group(1).toLowerCase(Locale.ROOT);
            if (!seen.add(name)) {
                return "directive " + m.group(1) + " appears twice";
            }
            if (name.equals("max-age")
                    && (m.group(2) == null || !DELTA_SECONDS.matcher(m.group(2)).matches())) {
                return "max-age needs a number of seconds";
            }
        }
        return seen.contains("max-age") ? null : "max-age is required";
    }
}
