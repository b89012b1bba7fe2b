package io.httpd.core.config;

import java.net.InetAddress;
import java.util.Objects;

/**
 * The {@code [admin]} table: the control channel's own listener. The table being absent turns
 * it off. Its values are checked once, where the table is read ({@link #read}).
 *
 * @param listener    where it listens ({@code address}); plain HTTP
 * @param token       the bearer token every admin request must carry, or {@code ""} for none,
 *                    which only a loopback address allows
 * @param connections its own connection limit, apart from {@code [limits] connections}
 */
public record AdminSettings(Listener listener, String token, int connections) {
    /** Connections the admin listener serves at once unless configured. */
    public static final int DEFAULT_CONNECTIONS = 16;
    /** The most {@code connections} may be. */
    public static final int MAX_CONNECTIONS = 1024;
    /** The shortest token accepted: guessing it must be out of reach. */
    public static final int MIN_TOKEN_LENGTH = 16;

    public AdminSettings {
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(token, "token");
    }

    /** Reads the table; errors go to the list and give null. */
    static AdminSettings read(TableConfig table, ErrorList errors) {
        Listener listener = errors.read(() -> address(table), null);
        String token = errors.read(() -> token(table), "");
        int connections = errors.read(() -> connections(table), DEFAULT_CONNECTIONS);
        errors.addUnknownKeys(table);
        if (listener != null && token.isEmpty() && !isLoopback(listener.host())) {
            errors.add(table.fullKey("token"), "required when admin.address is not a loopback "
                    + "address (a bearer token of at least " + MIN_TOKEN_LENGTH + " characters)");
            return null;
        }
        return listener == null ? null : new AdminSettings(listener, token, connections);
    }

    private static Listener address(TableConfig table) {
        String address = table.requireString("address");
        try {
            return Listener.parse(address.strip(), null);
        } catch (IllegalArgumentException e) {
            throw table.error("address", e.getMessage());
        }
    }

    private static String token(TableConfig table) {
        String token = table.string("token").orElse("");
        if (!token.isEmpty() && (token.length() < MIN_TOKEN_LENGTH || !token.strip().equals(token)
                || !token.chars().allMatch(c -> c > 0x20 && c < 0x7f))) {
            // the value itself is never echoed: it is a secret
            throw table.error("token", "must be at least " + MIN_TOKEN_LENGTH
                    + " printable ASCII characters without spaces");
        }
        return token;
    }

    private static int connections(TableConfig table) {
        long n = table.integer("connections", DEFAULT_CONNECTIONS);
        if (n < 1 || n > MAX_CONNECTIONS) {
            throw table.error("connections", "must be 1 to " + MAX_CONNECTIONS);
        }
        return (int) n;
    }

    /** {@code localhost}, {@code 127.0.0.0/8} or {@code ::1}; a host name is not loopback. */
    static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            return InetAddress.ofLiteral(host).isLoopbackAddress();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
