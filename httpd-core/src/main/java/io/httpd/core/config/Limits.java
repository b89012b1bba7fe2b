package io.httpd.core.config;

import java.time.Duration;

/** STUB, replaced by the config package. */
public record Limits(int requestLineBytes, int headerBytes, int headerCount, long bodyBytes,
                     int connections, Duration headerTimeout, Duration idleTimeout,
                     Duration bodyTimeout) {
    public static Limits defaults() {
        return new Limits(8192, 16384, 100, 10L << 20, 10000, Duration.ofSeconds(10),
                Duration.ofSeconds(60), Duration.ofSeconds(30));
    }
}
