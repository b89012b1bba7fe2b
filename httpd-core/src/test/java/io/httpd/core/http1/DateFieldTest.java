package io.httpd.core.http1;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Date field: IMF-fixdate (RFC 9110 §5.6.7; the format itself is tested in httpd-api). */
class DateFieldTest {

    @Test
    void nowIsImfFixdate() {
        assertTrue(DateField.now().matches(
                "(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d\\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4} \\d\\d:\\d\\d:\\d\\d GMT"),
                DateField.now());
    }
}
