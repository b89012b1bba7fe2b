package io.httpd.core.config;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * One {@code [[listen]]} table: a socket to accept connections on.
 *
 * @param host the host name or IP address to bind, IPv6 without brackets ({@code ::1});
 *             {@code 0.0.0.0} or {@code ::} for every interface
 * @param port the port, 0 for any free port
 * @param tls  the name of the {@code [tls.NAME]} table that secures it, or null for plain HTTP
 * @param proxyProtocol whether every connection starts with a PROXY protocol header (v1 or v2)
 *             naming the original client; {@code proxy_protocol}, default false
 * @param reusePort whether to bind with SO_REUSEPORT, so that several processes can listen on
 *             the same address and the kernel spreads connections over them;
 *             {@code reuse_port}, default false, refused where the system lacks the option
 * @param redirectHttps on a plain listener, the https port that every request is sent to with a
 *             308 (same host, same target); {@code redirect_https}, 0 (the default) for none
 * @param hsts  on a TLS listener, the {@code Strict-Transport-Security} value every response
 *             carries (RFC 6797); {@code hsts}, empty (the default) for none
 */
public record Listener(String host, int port, String tls, boolean proxyProtocol,
                       boolean reusePort, int redirectHttps, String hsts) {
    private static final String EXPECTED = "expected host:port such as \"0.0.0.0:8080\" or "
            + "\"[::1]:8080\"";
    private static final Pattern HOST_LABEL =
            Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern IPV4_LIKE = Pattern.compile("[0-9.]+");

    public Listener {
        Objects.requireNonNull(host, "host"); // ranges are checked where they are parsed
        Objects.requireNonNull(hsts, "hsts");
    }

    /** A listener without a redirect to https nor HSTS. */
    public Listener(String host, int port, String tls, boolean proxyProtocol, boolean reusePort) {
        this(host, port, tls, proxyProtocol, reusePort, 0, "");
    }

    /** A listener without the PROXY protocol. */
    public Listener(String host, int port, String tls) {
        this(host, port, tls, false);
    }

    /** A listener bound without SO_REUSEPORT. */
    public Listener(String host, int port, String tls, boolean proxyProtocol) {
        this(host, port, tls, proxyProtocol, false);
    }

    /** The address as httpd.toml writes it: {@code host:port}, IPv6 in brackets. */
    public String address() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /**
     * Parses {@code host:port} or {@code [ipv6]:port}, without name resolution.
     *
     * @throws IllegalArgumentException with a reason for a person
     */
    static Listener parse(String address, String tls) {
        String host;
        String port;
        if (address.startsWith("[")) {
            int close = address.indexOf("]:");
            if (close < 0) {
                throw new IllegalArgumentException(EXPECTED + ", not \"" + address + "\"");
            }
            host = address.substring(1, close);
            port = address.substring(close + 2);
            checkIpv6(host);
        } else {
            int colon = address.lastIndexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException(EXPECTED + ", not \"" + address + "\"");
            }
            host = address.substring(0, colon);
            port = address.substring(colon + 1);
            checkHost(host);
        }
        return new Listener(host, parsePort(port), tls);
    }

    static List<Listener> readAll(List<TableConfig> tables, Set<String> tlsNames,
                                  ErrorList errors) {
        List<Listener> listeners = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (TableConfig table : tables) {
            String tls = errors.read(() -> tls(table, tlsNames), null);
            boolean proxy = errors.read(() -> table.bool("proxy_protocol", false), false);
            boolean reuse = errors.read(() -> reusePort(table, Listener::reusePortSupported),
                    false);
            int redirect = errors.read(() -> HttpsKeys.redirect(table, tls), 0);
            String hsts = errors.read(() -> HttpsKeys.hsts(table, tls), "");
            Listener listener = errors.read(() -> address(table, tls), null);
            if (listener == null) { // an error already; kept so that listen[N] stays the file's
                listeners.add(new Listener("", 0, tls, proxy, reuse, redirect, hsts));
            } else {
                listener = new Listener(listener.host(), listener.port(), tls, proxy, reuse,
                        redirect, hsts);
                listeners.add(listener);
                String first = listener.port() == 0 ? null
                        : seen.putIfAbsent(listener.address(), table.path());
                if (first != null) {
                    errors.add(table.fullKey("address"), "duplicate address \""
                            + listener.address() + "\" (also " + first + ")");
                }
            }
            errors.addUnknownKeys(table);
        }
        return listeners;
    }

    /** {@code reuse_port}: true only where server sockets support SO_REUSEPORT. */
    static boolean reusePort(TableConfig table, BooleanSupplier supported) {
        boolean reuse = table.bool("reuse_port", false);
        if (reuse && !supported.getAsBoolean()) {
            throw table.error("reuse_port", "SO_REUSEPORT is not supported on this system ("
                    + System.getProperty("os.name") + ")");
        }
        return reuse;
    }

    private static boolean reusePortSupported() {
        try (ServerSocketChannel probe = ServerSocketChannel.open()) {
            return probe.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT);
        } catch (IOException e) {
            return false;
        }
    }

    private static String tls(TableConfig table, Set<String> tlsNames) {
        String tls = table.string("tls").orElse(null);
        if (tls != null && !tlsNames.contains(tls)) {
            throw table.error("tls", "no [tls." + tls + "] table");
        }
        return tls;
    }

    private static Listener address(TableConfig table, String tls) {
        String address = table.requireString("address");
        try {
            return parse(address.strip(), tls);
        } catch (IllegalArgumentException e) {
            throw table.error("address", e.getMessage());
        }
    }

    private static void checkIpv6(String host) {
        try {
            Inet6Address.ofLiteral(host);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an IPv6 address: \"" + host + "\"");
        }
    }

    private static void checkHost(String host) {
        if (host.contains(":")) {
            throw new IllegalArgumentException(
                    "write an IPv6 address in brackets, such as \"[::1]:8080\"");
        }
        if (IPV4_LIKE.matcher(host).matches()) {
            try {
                Inet4Address.ofLiteral(host);
                return;
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("not an IPv4 address: \"" + host + "\"");
            }
        }
        boolean valid = host.length() <= 253 && !host.endsWith(".")
                && List.of(host.split("\\.", -1)).stream()
                        .allMatch(label -> HOST_LABEL.matcher(label).matches());
        if (!valid) {
            throw new IllegalArgumentException("not a host name: \"" + host + "\"");
        }
    }

    private static int parsePort(String port) {
        if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')
                || Integer.parseInt(port) > 65535) {
            throw new IllegalArgumentException("port must be 0 to 65535, not \"" + port + "\"");
        }
        return Integer.parseInt(port);
    }
}
