package io.httpd.core.http1;

import io.httpd.api.HttpDate;

import java.time.Instant;

/** The Date field's value (RFC 9110 §6.6.1): now as an HTTP-date, formatted once a second. */
final class DateField {
    private static volatile Cached cached = new Cached(0, "");

    private record Cached(long second, String text) {
    }

    private DateField() {
    }

    static String now() {
        return at(System.currentTimeMillis());
    }

    /** The value at this time (epoch milliseconds): formatted once per second, then shared. */
    static String at(long epochMillis) {
        long second = Math.floorDiv(epochMillis, 1000);
        Cached c = cached;
        if (c.second != second) {
            c = new Cached(second, HttpDate.format(Instant.ofEpochSecond(second)));
            cached = c;
        }
        return c.text;
    }
}
