package io.httpd.core.config;

import java.time.Duration;

/**
 * The {@code [limits]} table: every limit has a safe default ({@link #defaults()}). The ranges
 * are checked once, where the table is read, so that each error names its key; limits built in
 * code are trusted.
 *
 * @param requestLineBytes longest request line; past it 414 (default 8192)
 * @param headerBytes      largest header section; past it 431 (default 16384)
 * @param headerCount      most header fields; past it 431 (default 100)
 * @param bodyBytes        largest request body, {@code >= 0}; past it 413 (default 10 MiB)
 * @param connections      most open connections; past it accept waits (default 10000)
 * @param headerTimeout    time for the whole request head to arrive; then 408 (default 10s)
 * @param idleTimeout      keep-alive idle time (default 60s)
 * @param bodyTimeout      time between reads of a request body (default 30s)
 * @param sendTimeout      longest time the peer may accept no byte of a response; then the
 *                         connection is closed (default 60s, as nginx's send_timeout)
 * @param handshakeTimeout time for a whole TLS handshake on a TLS listener (default 10s)
 */
public record Limits(int requestLineBytes, int headerBytes, int headerCount, long bodyBytes,
                     int connections, Duration headerTimeout, Duration idleTimeout,
                     Duration bodyTimeout, Duration sendTimeout, Duration handshakeTimeout) {

    private static final Limits DEFAULTS = new Limits(8192, 16384, 100, 10L << 20, 10_000,
            Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(30),
            Duration.ofSeconds(60), Duration.ofSeconds(10));

    /** Limits with the default send and handshake timeouts. */
    public Limits(int requestLineBytes, int headerBytes, int headerCount, long bodyBytes,
                  int connections, Duration headerTimeout, Duration idleTimeout,
                  Duration bodyTimeout) {
        this(requestLineBytes, headerBytes, headerCount, bodyBytes, connections, headerTimeout,
                idleTimeout, bodyTimeout, DEFAULTS.sendTimeout, DEFAULTS.handshakeTimeout);
    }

    /** These limits with another send timeout. */
    public Limits withSendTimeout(Duration timeout) {
        return new Limits(requestLineBytes, headerBytes, headerCount, bodyBytes, connections,
                headerTimeout, idleTimeout, bodyTimeout, timeout, handshakeTimeout);
    }

    /** The limits when {@code [limits]} is absent. */
    public static Limits defaults() {
        return DEFAULTS;
    }

    static Limits read(TableConfig table, ErrorList errors) {
        Limits d = DEFAULTS;
        Limits limits = new Limits(
                errors.read(() -> intSize(table, "request_line_bytes", d.requestLineBytes()),
                        d.requestLineBytes()),
                errors.read(() -> intSize(table, "header_bytes", d.headerBytes()), d.headerBytes()),
                errors.read(() -> count(table, "header_count", d.headerCount()), d.headerCount()),
                errors.read(() -> table.size("body_bytes", d.bodyBytes()), d.bodyBytes()),
                errors.read(() -> count(table, "connections", d.connections()), d.connections()),
                errors.read(() -> timeout(table, "header_timeout", d.headerTimeout()),
                        d.headerTimeout()),
                errors.read(() -> timeout(table, "idle_timeout", d.idleTimeout()), d.idleTimeout()),
                errors.read(() -> timeout(table, "body_timeout", d.bodyTimeout()),
                        d.bodyTimeout()),
                errors.read(() -> timeout(table, "send_timeout", d.sendTimeout()),
                        d.sendTimeout()),
                errors.read(() -> timeout(table, "handshake_timeout", d.handshakeTimeout()),
                        d.handshakeTimeout()));
        errors.addUnknownKeys(table);
        return limits;
    }

    private static int intSize(TableConfig table, String key, int defaultValue) {
        return positiveInt(table, key, table.size(key, defaultValue));
    }

    private static int count(TableConfig table, String key, int defaultValue) {
        return positiveInt(table, key, table.integer(key, defaultValue));
    }

    private static int positiveInt(TableConfig table, String key, long value) {
        if (value <= 0) {
            throw table.error(key, "must be greater than 0");
        }
        if (value > Integer.MAX_VALUE) {
            throw table.error(key, "too large (at most " + Integer.MAX_VALUE + ")");
        }
        return (int) value;
    }

    private static Duration timeout(TableConfig table, String key, Duration defaultValue) {
        Duration value = table.duration(key, defaultValue);
        if (value.isZero()) {
            throw table.error(key, "must be greater than 0");
        }
        return value;
    }
}
