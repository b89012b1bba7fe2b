package io.httpd.core.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The {@code [server]} table.
 *
 * @param name          the Server header value; empty to send none (default {@code "httpd"})
 * @param pluginsDir    the folder of drop-in plugins, absolute (default {@code plugins} beside
 *                      httpd.toml)
 * @param shutdownGrace how long in-flight exchanges may take on shutdown (default 10s)
 * @param requestIdHeader a response header carrying each exchange's request id (the one the
 *                      access log records), such as {@code X-Request-Id}; empty for none
 */
public record ServerSettings(String name, Path pluginsDir, Duration shutdownGrace,
                             String requestIdHeader) {
    /** The default Server header value. */
    public static final String DEFAULT_NAME = "httpd";
    /** The default drain time on shutdown. */
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(10);

    public ServerSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pluginsDir, "pluginsDir");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        Objects.requireNonNull(requestIdHeader, "requestIdHeader");
        if (!isHeaderText(name)) {
            throw new IllegalArgumentException("name is not printable ASCII: " + name);
        }
        if (shutdownGrace.isNegative()) {
            throw new IllegalArgumentException("shutdownGrace < 0: " + shutdownGrace);
        }
    }

    /** The settings when {@code [server]} is absent, for a config file in {@code folder}. */
    public static ServerSettings defaults(Path folder) {
        return new ServerSettings(DEFAULT_NAME, folder.toAbsolutePath().resolve("plugins"),
                DEFAULT_SHUTDOWN_GRACE, "");
    }

    static ServerSettings read(TableConfig table, ErrorList errors) {
        ServerSettings defaults = defaults(table.folder());
        String name = errors.read(() -> name(table), defaults.name());
        Path pluginsDir = errors.read(
                () -> table.path("plugins_dir").orElse(defaults.pluginsDir()),
                defaults.pluginsDir());
        Duration grace = errors.read(
                () -> table.duration("shutdown_grace", defaults.shutdownGrace()),
                defaults.shutdownGrace());
        String requestId = errors.read(() -> requestIdHeader(table), "");
        errors.addUnknownKeys(table);
        return new ServerSettings(name, pluginsDir, grace, requestId);
    }

    private static String name(TableConfig table) {
        String name = table.string("name", DEFAULT_NAME);
        if (!isHeaderText(name)) {
            throw table.error("name", "must be printable ASCII (it is sent as the Server header)");
        }
        return name;
    }

    private static String requestIdHeader(TableConfig table) {
        String header = table.string("request_id_header", "");
        if (!header.isEmpty() && !header.chars().allMatch(
                c -> c < 0x7f && (Character.isLetterOrDigit(c) || "!#$%&'*+-.^_`|~".indexOf(c) >= 0))) {
            throw table.error("request_id_header", "must be a header field name (a token)");
        }
        return header;
    }

    /** Visible ASCII and spaces: safe in a header field value (RFC 9110 §5.5). */
    private static boolean isHeaderText(String s) {
        return s.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    }
}
