package io.httpd.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** RFC 9110 §5.6.7: generate IMF-fixdate; accept it, RFC 850 and asctime. */
class HttpDateTest {
    private static final Instant EXAMPLE = Instant.parse("1994-11-06T08:49:37Z");

    @Test
    void formatsImfFixdateWithTwoDigitDay() {
        assertEquals("Sun, 06 Nov 1994 08:49:37 GMT", HttpDate.format(EXAMPLE));
        assertEquals("Thu, 05 Mar 2026 12:00:00 GMT",
                HttpDate.format(Instant.parse("2026-03-05T12:00:00.999Z")));
    }

    /** Written by hand, the same as java.time's formatter, at the edges of days, months, years. */
    @ParameterizedTest
    @ValueSource(strings = {"1994-11-06T08:49:37Z", "0001-01-01T00:00:00Z", "0999-12-31T23:59:59Z",
        "1970-01-01T00:00:00Z", "2000-02-29T12:34:56Z", "2024-12-31T23:59:59.999Z",
        "2026-06-15T09:05:07Z", "9999-12-31T23:59:59Z", "+10000-01-01T00:00:00Z",
        "-0001-06-01T00:00:00Z"})
    void formatsAsTheJavaTimeFormatterDoes(String instant) {
        DateTimeFormatter imf = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'",
                Locale.US).withZone(ZoneOffset.UTC);
        assertEquals(imf.format(Instant.parse(instant)), HttpDate.format(Instant.parse(instant)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Sun, 06 Nov 1994 08:49:37 GMT",  // IMF-fixdate
        "Sunday, 06-Nov-94 08:49:37 GMT", // obsolete RFC 850 format
        "Sun Nov  6 08:49:37 1994",       // ANSI C's asctime() format
    })
    void acceptsTheThreeFormsOfTheRfcExample(String value) {
        assertEquals(Optional.of(EXAMPLE), HttpDate.parse(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "yesterday", "Sun, 06 Nov 1994 08:49:37 UTC", "sun, 06 nov 1994 08:49:37 GMT",
        "Sun, 6 Nov 1994 08:49:37 GMT", "Mon, 06 Nov 1994 08:49:37 GMT",
        "Sun, 06 Nov 1994 08:49:37 GMT, Sun, 06 Nov 1994 08:49:37 GMT", "1994-11-06T08:49:37Z",
    })
    void refusesAnythingElse(String value) {
        assertEquals(Optional.empty(), HttpDate.parse(value));
    }
}
