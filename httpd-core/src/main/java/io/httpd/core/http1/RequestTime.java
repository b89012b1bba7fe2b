package io.httpd.core.http1;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When an exchange started, as its access record tells it: in the system's zone, to the
 * millisecond. {@code ZonedDateTime.now()} looks the zone up (a copy of the default TimeZone)
 * and builds five objects per call; here the exchanges that start within one millisecond share
 * one instance (immutable), and the zone is looked up once.
 */
final class RequestTime {
    private static final ZoneId ZONE = ZoneId.systemDefault();
    private static volatile Cached last = new Cached(0, ZonedDateTime.now(ZONE));

    private record Cached(long millis, ZonedDateTime time) {
    }

    private RequestTime() {
    }

    static ZonedDateTime now() {
        long millis = System.currentTimeMillis();
        Cached c = last;
        if (c.millis != millis) {
            c = new Cached(millis, ZonedDateTime.ofInstant(Instant.ofEpochMilli(millis), ZONE));
            last = c;
        }
        return c.time;
    }
}
