package io.httpd.plugin.staticfiles;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** RFC 3986 §2: everything but unreserved characters (and a path's slashes) is encoded. */
class PercentEncodingTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/docs/a-b_c.d~e     | /docs/a-b_c.d~e     | %2Fdocs%2Fa-b_c.d~e",
        "/a b/               | /a%20b/             | %2Fa%20b%2F",
        "/caf\u00e9          | /caf%C3%A9          | %2Fcaf%C3%A9",
        "'/x?y#z&%'          | /x%3Fy%23z%26%25    | %2Fx%3Fy%23z%26%25",
        "/c:d                | /c%3Ad              | %2Fc%3Ad",
        "'/<a href=\"x\">'   | /%3Ca%20href%3D%22x%22%3E | %2F%3Ca%20href%3D%22x%22%3E",
        "/\\evil             | /%5Cevil            | %2F%5Cevil",
    })
    void encodes(String decoded, String path, String segment) {
        assertEquals(path, PercentEncoding.path(decoded));
        assertEquals(segment, PercentEncoding.segment(decoded));
    }
}
