package io.httpd.core.http1;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The path routing sees: percent-decoded exactly once, UTF-8, dot-segments removed
 * (RFC 3986 §5.2.4), never above the root.
 */
class TargetPathTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /                     | /
            /a/b.html             | /a/b.html
            /a/b/c/./../../g      | /a/g
            /mid/content=5/../6   | /mid/6
            /a/./b                | /a/b
            /./a                  | /a
            /a/b/.                | /a/b/
            /a/b/..               | /a/
            /a/..                 | /
            /.                    | /
            /a//b/../c            | /a//c
            /a/.../b              | /a/.../b
            /a/..b/.c             | /a/..b/.c
            /a/b/c/../../../d     | /d
            """)
    void removesDotSegments(String raw, String expected) throws HttpException {
        assertEquals(expected, TargetPath.normalize(raw));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /a%20b                | /a b
            /%41%62%63            | /Abc
            /a%2Fb                | /a/b
            /a%2fb                | /a/b
            /a%5Cb                | /a\\b
            /%252e%252e/x         | /%2e%2e/x
            /a/%2e/b              | /a/b
            /a/b/%2E%2E           | /a/
            /caf%C3%A9            | /café
            /%E2%82%AC/%F0%9F%98%80 | /€/😀
            /a%3Fb%23c            | /a?b#c
            """)
    void decodesOnce(String raw, String expected) throws HttpException {
        assertEquals(expected, TargetPath.normalize(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/..", "/../x", "/a/../..", "/a/b/../../../c", "/a/%2e%2e/%2e%2e/x", "/%2E%2E/", "/a%2F..%2F..",
    })
    void refusesClimbingAboveRoot(String raw) {
        assertRefused(raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/%C3", "/%FF", "/%C3%28", "/%C0%AF", "/%E0%80%AF", "/%ED%A0%80", "/%F4%90%80%80",
    })
    void refusesInvalidUtf8(String raw) {
        assertRefused(raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/%", "/%4", "/a%", "/%zz", "/%4g", "/%g4", "/%00", "/%0A", "/%0d", "/%1F", "/%7F"})
    void refusesMalformedEncodingAndControls(String raw) {
        assertRefused(raw);
    }

    /** The target is refused as a bad request, 400. */
    private static void assertRefused(String raw) {
        assertEquals(400, assertThrows(HttpException.class, () -> TargetPath.normalize(raw))
                .status().code(), raw);
    }
}
