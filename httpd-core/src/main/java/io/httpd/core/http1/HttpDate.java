package io.httpd.core.http1;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** The IMF-fixdate of RFC 9110 §5.6.7 for the Date header, formatted at most once a second. */
final class HttpDate {
    private static volatile Cached cached = new Cached(0, "");

    private record Cached(long second, String text) {
    }

    private HttpDate() {
    }

    static String now() {
        long second = System.currentTimeMillis() / 1000;
        Cached c = cached;
        if (c.second != second) {
            c = new Cached(second, format(ZonedDateTime.now(ZoneOffset.UTC)));
            cached = c;
        }
        return c.text;
    }

    static String format(ZonedDateTime time) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(time.withZoneSameInstant(ZoneOffset.UTC));
    }
}
