package io.httpd.plugin.accesslog;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.function.Function;

/**
 * A time's text that only changes from one second (or offset) to the next, formatted once per
 * second: formatting a date costs more than the rest of a log line. One sink thread uses it.
 */
final class SecondCache {
    private final Function<ZonedDateTime, String> format;
    private long second = Long.MIN_VALUE;
    private ZoneOffset offset;
    private String text;

    /** @param format the text of a time, which must depend on its second and offset only */
    SecondCache(Function<ZonedDateTime, String> format) {
        this.format = format;
    }

    String text(ZonedDateTime time) {
        long s = time.toEpochSecond();
        if (s != second || !time.getOffset().equals(offset)) {
            text = format.apply(time);
            second = s;
            offset = time.getOffset();
        }
        return text;
    }
}
