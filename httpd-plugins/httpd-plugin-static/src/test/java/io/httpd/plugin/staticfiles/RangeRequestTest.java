package io.httpd.plugin.staticfiles;

import io.httpd.api.Response;
import io.httpd.api.Response.Body;
import io.httpd.api.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Range requests through the handler (RFC 9110 §14); the parsing matrix is {@link ByteRangesTest}. */
class RangeRequestTest {
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz";

    @RegisterExtension
    final Site site = new Site();
    Path file;
    String etag;

    @BeforeEach
    void site() throws IOException {
        file = site.file("alphabet.txt", ALPHABET);
        etag = Site.etag(file, "");
    }

    /** §15.3.7.1: one range is a 206 with Content-Range, sent as a file region (large files). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "bytes=0-2    | bytes 0-2/26   | abc",
        "bytes=23-    | bytes 23-25/26 | xyz",
        "bytes=-3     | bytes 23-25/26 | xyz",
        "bytes=10-10  | bytes 10-10/26 | k",
        "bytes=20-99  | bytes 20-25/26 | uvwxyz",
    })
    void oneRangeIs206WithContentRange(String range, String contentRange, String content)
            throws IOException {
        site.with("memory_file_bytes", 0); // small files would be sent from memory
        Response response = site.get("/alphabet.txt", "Range", range);

        assertEquals(Status.PARTIAL_CONTENT, response.status());
        assertEquals("Content-Type: text/plain; charset=utf-8\n"
                + "Accept-Ranges: bytes\n"
                + "ETag: " + etag + "\n"
                + "Last-Modified: Sun, 01 Mar 2026 08:00:00 GMT\n"
                + "Content-Range: " + contentRange + "\n", Site.fields(response));
        assertInstanceOf(Body.FileRegion.class, response.body());
        assertEquals(content, Site.text(response));
    }

    /**
     * §14.6 and §15.3.7.2: ranges far enough apart as multipart/byteranges of exact length,
     * in the order asked.
     */
    @Test
    void severalRangesAreMultipart() throws IOException {
        Path big = site.file("big.txt", ALPHABET.repeat(10));
        Response response = site.get("/big.txt", "Range", "bytes=-2,0-1");

        assertEquals(Status.PARTIAL_CONTENT, response.status());
        String type = response.headers().first("Content-Type").orElseThrow();
        assertTrue(type.startsWith("multipart/byteranges; boundary="), type);
        String boundary = type.substring(type.indexOf('=') + 1);
        assertEquals(Site.okFields(big, type), Site.fields(response));
        assertInstanceOf(Body.Streamed.class, response.body());
        assertEquals("--" + boundary + "\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "Content-Range: bytes 258-259/260\r\n\r\n"
                + "yz\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "Content-Range: bytes 0-1/260\r\n\r\n"
                + "ab\r\n"
                + "--" + boundary + "--\r\n", Site.text(response));
    }

    @Test
    void nearbyRangesComeAsOnePart() throws IOException {
        Response response = site.get("/alphabet.txt", "Range", "bytes=-2,0-1");
        assertEquals("bytes 0-25/26", response.headers().first("Content-Range").orElseThrow());
        assertEquals(ALPHABET, Site.text(response));
    }

    /** §15.5.17: 416 with the current length. */
    @Test
    void unsatisfiableRangeIs416() throws IOException {
        Response response = site.get("/alphabet.txt", "Range", "bytes=26-");
        assertEquals(Status.RANGE_NOT_SATISFIABLE, response.status());
        assertEquals("Content-Type: text/plain; charset=utf-8\n"
                + "Content-Range: bytes */26\n", Site.fields(response));
        assertEquals("416 Range Not Satisfiable\n", Site.text(response));
    }

    @Test
    void overlappingRangesComeAsOnePart() throws IOException {
        Response response = site.get("/alphabet.txt", "Range", "bytes=0-5,3-9,8-12");
        assertEquals(Status.PARTIAL_CONTENT, response.status());
        assertEquals("bytes 0-12/26", response.headers().first("Content-Range").orElseThrow());
        assertEquals("abcdefghijklm", Site.text(response));
    }

    /** §14.2: Range is defined for GET only, so HEAD ignores it; so do invalid fields. */
    @Test
    void rangeIgnoredOnHeadAndWhenInvalidOrRepeated() throws IOException {
        assertEquals(Status.OK, site.head("/alphabet.txt", "Range", "bytes=0-0").status());
        assertEquals(Status.OK, site.get("/alphabet.txt", "Range", "bytes=9-1").status());
        assertEquals(Status.OK, site.get("/alphabet.txt", "Range", "lines=1-2").status());
        Response twice = site.get("/alphabet.txt", "Range", "bytes=0-0", "Range", "bytes=1-1");
        assertEquals(Status.OK, twice.status());
        assertEquals(ALPHABET, Site.text(twice));
    }

    /** §13.1.5: If-Range with the current strong tag or date gets the range, else the whole. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "CURRENT                          | 206",
        "'\"stale\"'                      | 200",
        "WEAK                             | 200",
        "'Sun, 01 Mar 2026 08:00:00 GMT'  | 206",
        "'Sun, 01 Mar 2026 08:00:01 GMT'  | 200",
        "'Sat, 28 Feb 2026 08:00:00 GMT'  | 200",
        "'not a validator'                | 200",
    })
    void ifRangeDecidesBetweenPartAndWhole(String ifRange, int status) throws IOException {
        String value = switch (ifRange) {
            case "CURRENT" -> etag;
            case "WEAK" -> "W/" + etag;
            default -> ifRange;
        };
        Response response = site.get("/alphabet.txt", "Range", "bytes=0-0", "If-Range", value);
        assertEquals(status, response.status().code());
        assertEquals(status == 206 ? "a" : ALPHABET, Site.text(response));
    }

    /** §8.8.2.2: a file modified within the last second has no strong date for If-Range. */
    @Test
    void ifRangeDateOfAJustModifiedFileIsWeak() throws IOException {
        site.now = Site.MTIME.plusMillis(500);
        Response response = site.get("/alphabet.txt", "Range", "bytes=0-0",
                "If-Range", "Sun, 01 Mar 2026 08:00:00 GMT");
        assertEquals(Status.OK, response.status());
    }
}
