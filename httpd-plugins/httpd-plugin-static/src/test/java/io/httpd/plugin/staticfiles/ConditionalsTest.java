package io.httpd.plugin.staticfiles;

import io.httpd.api.Headers;
import io.httpd.api.Method;
import io.httpd.plugin.staticfiles.Conditionals.Outcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * RFC 9110 §13.1 and the precedence of §13.2.2, as a matrix: the representation has the
 * strong tag "v1" and was last modified at {@link #MODIFIED} ("SAME"); BEFORE and AFTER are a
 * day either side.
 */
class ConditionalsTest {
    private static final EntityTag ETAG = new EntityTag("v1", false);
    private static final Instant MODIFIED = Instant.parse("2026-03-01T08:00:00Z");
    private static final String BEFORE = "Sat, 28 Feb 2026 08:00:00 GMT";
    private static final String SAME = "Sun, 01 Mar 2026 08:00:00 GMT";
    private static final String AFTER = "Mon, 02 Mar 2026 08:00:00 GMT";

    @ParameterizedTest(name = "{0} If-Match={1} If-Unmodified-Since={2} If-None-Match={3} "
            + "If-Modified-Since={4} -> {5}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        // method | If-Match      | IUS    | If-None-Match    | IMS    | outcome
        "GET  | -                 | -      | -                | -      | PROCEED",
        // §13.1.1 If-Match: strong comparison; "*" matches any current representation
        "GET  | '\"v1\"'          | -      | -                | -      | PROCEED",
        "GET  | '\"v0\", \"v1\"'  | -      | -                | -      | PROCEED",
        "GET  | '*'               | -      | -                | -      | PROCEED",
        "GET  | '\"v0\"'          | -      | -                | -      | PRECONDITION_FAILED",
        "GET  | 'W/\"v1\"'        | -      | -                | -      | PRECONDITION_FAILED",
        "GET  | '\"v1'            | -      | -                | -      | PRECONDITION_FAILED",
        // §13.1.4 If-Unmodified-Since: false when modified after the date
        "GET  | -                 | AFTER  | -                | -      | PROCEED",
        "GET  | -                 | SAME   | -                | -      | PROCEED",
        "GET  | -                 | BEFORE | -                | -      | PRECONDITION_FAILED",
        "GET  | -                 | 'not a date' | -          | -      | PROCEED",
        // §13.2.2 step 2: If-Unmodified-Since only when If-Match is absent
        "GET  | '\"v1\"'          | BEFORE | -                | -      | PROCEED",
        "GET  | '\"v0\"'          | AFTER  | -                | -      | PRECONDITION_FAILED",
        // §13.1.2 If-None-Match: weak comparison; 304 for GET and HEAD, 412 otherwise
        "GET  | -                 | -      | '\"v1\"'         | -      | NOT_MODIFIED",
        "HEAD | -                 | -      | '\"v1\"'         | -      | NOT_MODIFIED",
        "GET  | -                 | -      | 'W/\"v1\"'       | -      | NOT_MODIFIED",
        "GET  | -                 | -      | '\"v0\", W/\"v1\"' | -    | NOT_MODIFIED",
        "GET  | -                 | -      | '*'              | -      | NOT_MODIFIED",
        "GET  | -                 | -      | '\"v0\"'         | -      | PROCEED",
        "POST | -                 | -      | '\"v1\"'         | -      | PRECONDITION_FAILED",
        "POST | -                 | -      | '*'              | -      | PRECONDITION_FAILED",
        // §13.1.3 If-Modified-Since: GET and HEAD only; 304 when not modified since
        "GET  | -                 | -      | -                | SAME   | NOT_MODIFIED",
        "HEAD | -                 | -      | -                | AFTER  | NOT_MODIFIED",
        "GET  | -                 | -      | -                | BEFORE | PROCEED",
        "GET  | -                 | -      | -                | 'Sunday, 01-Mar-26 08:00:00 GMT' | NOT_MODIFIED",
        "GET  | -                 | -      | -                | 'Sun Mar  1 08:00:00 2026' | NOT_MODIFIED",
        "GET  | -                 | -      | -                | 'garbage' | PROCEED",
        "POST | -                 | -      | -                | AFTER  | PROCEED",
        // §13.2.2 step 4: If-Modified-Since only when If-None-Match is absent
        "GET  | -                 | -      | '\"v0\"'         | AFTER  | PROCEED",
        "GET  | -                 | -      | '\"v1\"'         | BEFORE | NOT_MODIFIED",
        // §13.2.2: the 412 preconditions come before the 304 ones
        "GET  | '\"v0\"'          | -      | '\"v1\"'         | -      | PRECONDITION_FAILED",
        "GET  | -                 | BEFORE | '\"v1\"'         | -      | PRECONDITION_FAILED",
        "GET  | '\"v1\"'          | -      | '\"v1\"'         | -      | NOT_MODIFIED",
        "GET  | '\"v1\"'          | AFTER  | '\"v0\"'         | BEFORE | PROCEED",
    })
    void followsPrecedenceOfRfc9110(String method, String ifMatch, String ifUnmodifiedSince,
                                    String ifNoneMatch, String ifModifiedSince, Outcome expected) {
        List<String> fields = new ArrayList<>();
        add(fields, "If-Match", ifMatch);
        add(fields, "If-Unmodified-Since", date(ifUnmodifiedSince));
        add(fields, "If-None-Match", ifNoneMatch);
        add(fields, "If-Modified-Since", date(ifModifiedSince));
        Headers headers = Headers.of(fields.toArray(String[]::new));

        assertEquals(expected, Conditionals.evaluate(Method.of(method), headers, ETAG, MODIFIED));
    }

    /** §13.1.3: a field with more than one member is ignored; two date lines are two members. */
    @ParameterizedTest
    @CsvSource({"If-Modified-Since, PROCEED", "If-Unmodified-Since, PROCEED"})
    void ignoresRepeatedDateFields(String name, Outcome expected) {
        Headers headers = Headers.of(name, BEFORE, name, AFTER);
        assertEquals(expected, Conditionals.evaluate(Method.GET, headers, ETAG, MODIFIED));
    }

    /**
     * §13.1.5 If-Range: a strong tag that matches, or a date that equals Last-Modified when
     * Last-Modified is at least a second older than now (§8.8.2.2); anything else is false.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'\"v1\"'                        | 2026-03-05T12:00:00Z | true",
        "'W/\"v1\"'                      | 2026-03-05T12:00:00Z | false",
        "'\"v0\"'                        | 2026-03-05T12:00:00Z | false",
        "'Sun, 01 Mar 2026 08:00:00 GMT' | 2026-03-05T12:00:00Z | true",
        "'Sun, 01 Mar 2026 08:00:00 GMT' | 2026-03-01T08:00:01Z | true",
        "'Sun, 01 Mar 2026 08:00:00 GMT' | 2026-03-01T08:00:00.999Z | false",
        "'Mon, 02 Mar 2026 08:00:00 GMT' | 2026-03-05T12:00:00Z | false",
        "'Sat, 28 Feb 2026 08:00:00 GMT' | 2026-03-05T12:00:00Z | false",
        "'v1'                            | 2026-03-05T12:00:00Z | false",
    })
    void evaluatesIfRange(String value, Instant now, boolean expected) {
        assertEquals(expected, Conditionals.ifRange(value, ETAG, MODIFIED, now));
    }

    private static void add(List<String> fields, String name, String value) {
        if (value != null) {
            fields.add(name);
            fields.add(value);
        }
    }

    private static String date(String symbol) {
        if (symbol == null) {
            return null;
        }
        return switch (symbol) {
            case "BEFORE" -> BEFORE;
            case "SAME" -> SAME;
            case "AFTER" -> AFTER;
            default -> symbol;
        };
    }
}
