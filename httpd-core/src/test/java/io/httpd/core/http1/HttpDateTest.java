package io.httpd.core.http1;

import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Date field: IMF-fixdate (RFC 9110 §5.6.7), always 29 characters, in GMT. */
class HttpDateTest {

    @Test
    void singleDigitDayHasTwoDigits() {
        assertEquals("Mon, 03 Jun 2024 09:05:07 GMT",
                HttpDate.format(ZonedDateTime.of(2024, 6, 3, 9, 5, 7, 0, ZoneId.of("UTC"))));
    }

    @Test
    void convertsToGmt() {
        assertEquals("Sun, 06 Nov 1994 08:49:37 GMT", // the example of RFC 9110 §5.6.7
                HttpDate.format(ZonedDateTime.of(1994, 11, 6, 9, 49, 37, 0, ZoneId.of("+01:00"))));
    }

    @Test
    void nowIsImfFixdate() {
        assertTrue(HttpDate.now().matches(
                "(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d\\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4} \\d\\d:\\d\\d:\\d\\d GMT"),
                HttpDate.now());
    }
}
