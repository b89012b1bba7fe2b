package io.httpd.core.http1;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The IMF-fixdate of RFC 9110 §5.6.7 for the Date header, formatted at most once a second. */
final class HttpDate {
    /** Not RFC_1123_DATE_TIME: that writes "6 Nov", IMF-fixdate needs "06 Nov". */
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH);
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
        return IMF_FIXDATE.format(time.withZoneSameInstant(ZoneOffset.UTC));
    }
}
