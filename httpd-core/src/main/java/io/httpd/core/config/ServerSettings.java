package io.httpd.core.config;

import io.httpd.api.AddressBlock;
import io.httpd.api.Token;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@code [server]} table. Its values are checked once, where the table is read, so that
 * each error names its key; settings built in code are trusted.
 *
 * @param name          the Server header value; empty to send none (default {@code "httpd"})
 * @param pluginsDir    the folder of drop-in plugins, absolute (default {@code plugins} beside
 *                      httpd.toml)
 * @param shutdownGrace how long in-flight exchanges may take on shutdown (default 10s)
 * @param requestIdHeader a response header carrying each exchange's request id (the one the
 *                      access log records), such as {@code X-Request-Id}; empty for none
 * @param trustedProxies peers whose forwarding header names the client ({@code trusted_proxies},
 *                      CIDR blocks; default none)
 * @param forwardedHeader the header a trusted proxy names the client in: {@code X-Forwarded-For}
 *                      (default) or {@code Forwarded} (RFC 7239); only that one is read
 */
public record ServerSettings(String name, Path pluginsDir, Duration shutdownGrace,
                             String requestIdHeader, List<AddressBlock> trustedProxies,
                             String forwardedHeader) {
    /** The forwarding headers that {@code forwarded_header} may name. */
    public static final List<String> FORWARDED_HEADERS = List.of("X-Forwarded-For", "Forwarded");
    /** The default Server header value. */
    public static final String DEFAULT_NAME = "httpd";
    /** The default drain time on shutdown. */
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(10);

    public ServerSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pluginsDir, "pluginsDir");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        Objects.requireNonNull(requestIdHeader, "requestIdHeader");
        if (shutdownGrace.isNegative()) {
            throw new IllegalArgumentException("shutdownGrace < 0: " + shutdownGrace);
        }
        trustedProxies = List.copyOf(trustedProxies);
        Objects.requireNonNull(forwardedHeader, "forwardedHeader");
    }

    /** Settings that trust no proxy. */
    public ServerSettings(String name, Path pluginsDir, Duration shutdownGrace,
                          String requestIdHeader) {
        this(name, pluginsDir, shutdownGrace, requestIdHeader, List.of(), "X-Forwarded-For");
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
        List<AddressBlock> trusted = errors.read(() -> trustedProxies(table), List.of());
        String forwarded = errors.read(() -> forwardedHeader(table), FORWARDED_HEADERS.get(0));
        errors.addUnknownKeys(table);
        return new ServerSettings(name, pluginsDir, grace, requestId, trusted, forwarded);
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
        if (!header.isEmpty() && !Token.isToken(header)) {
            throw table.error("request_id_header", "must be a header field name (a token)");
        }
        return header;
    }

    private static List<AddressBlock> trustedProxies(TableConfig table) {
        List<AddressBlock> blocks = new ArrayList<>();
        for (String text : table.strings("trusted_proxies", List.of())) {
            try {
                blocks.add(AddressBlock.parse(text.strip()));
            } catch (IllegalArgumentException e) {
                throw table.error("trusted_proxies", e.getMessage());
            }
        }
        return blocks;
    }

    private static String forwardedHeader(TableConfig table) {
        String header = table.string("forwarded_header", FORWARDED_HEADERS.get(0));
        return FORWARDED_HEADERS.stream().filter(h -> h.equalsIgnoreCase(header)).findFirst()
                .orElseThrow(() -> table.error("forwarded_header",
                        "must be \"X-Forwarded-For\" or \"Forwarded\", not \"" + header + "\""));
    }

    /** Visible ASCII and spaces: safe in a header field value (RFC 9110 §5.5). */
    private static boolean isHeaderText(String s) {
        return s.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    }
}
