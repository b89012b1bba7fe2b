package io.httpd.core.http1;

import io.httpd.api.HttpDate;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Date field (RFC 9110 §6.6.1): IMF-fixdate (§5.6.7; the format itself is tested in
 * httpd-api), following the clock to the second, formatted once per second rather than per
 * response.
 */
class DateFieldTest {
    private static final long T = Instant.parse("2026-12-01T20:30:15.250Z").toEpochMilli();

    @Test
    void nowIsImfFixdate() {
        assertTrue(DateField.now().matches(
                "(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d\\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4} \\d\\d:\\d\\d:\\d\\d GMT"),
                DateField.now());
    }

    @Test
    void theFieldChangesWithTheClock() {
        assertEquals("Tue, 01 Dec 2026 20:30:15 GMT", DateField.at(T));
        assertEquals("Tue, 01 Dec 2026 20:30:16 GMT", DateField.at(T + 750));
        assertEquals("Tue, 01 Dec 2026 20:31:16 GMT", DateField.at(T + 60_750));
        assertEquals(HttpDate.format(Instant.ofEpochMilli(T + 86_400_000)), DateField.at(T + 86_400_000));
    }

    @Test
    void oneSecondIsFormattedOnce() {
        String first = DateField.at(T);
        assertSame(first, DateField.at(T + 1), "formatted again within the same second");
        assertSame(first, DateField.at(T + 749));
    }
}
