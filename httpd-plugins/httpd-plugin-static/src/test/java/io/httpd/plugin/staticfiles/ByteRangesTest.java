package io.httpd.plugin.staticfiles;

import io.httpd.plugin.staticfiles.ByteRanges.ByteRange;
import io.httpd.plugin.staticfiles.ByteRanges.Partial;
import io.httpd.plugin.staticfiles.ByteRanges.Selection;
import io.httpd.plugin.staticfiles.ByteRanges.Unsatisfiable;
import io.httpd.plugin.staticfiles.ByteRanges.Whole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * RFC 9110 §14.1.1 and §14.2 against a 1000-byte representation (unless the row says): the
 * ranges sent, "200" for ignoring the field, "416" for none satisfiable.
 */
class ByteRangesTest {
    @ParameterizedTest(name = "{0} of {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
        # int-range, open-ended, suffix (§14.1.1)
        bytes=0-499            | 1000 | 0-499
        bytes=500-999          | 1000 | 500-999
        bytes=500-             | 1000 | 500-999
        bytes=-500             | 1000 | 500-999
        bytes=0-0              | 1000 | 0-0
        bytes=-1               | 1000 | 999-999
        # last-pos past the end is clamped; a suffix longer than the content is all of it
        bytes=999-2000         | 1000 | 999-999
        bytes=-2000            | 1000 | 0-999
        bytes=0-99999999999999999999999 | 1000 | 0-999
        bytes=-99999999999999999999999  | 1000 | 0-999
        # several ranges: the client's order, whitespace and empty list elements tolerated
        bytes=0-0,-1           | 1000 | 0-0 999-999
        bytes=900-999,0-99     | 1000 | 900-999 0-99
        'bytes= 0-9 ,, 200-209 ' | 1000 | 0-9 200-209
        BYTES=0-9              | 1000 | 0-9
        # unsatisfiable specs are dropped; none left is 416 (§15.5.17)
        bytes=1000-            | 1000 | 416
        bytes=1000-1001,2000-  | 1000 | 416
        bytes=-0               | 1000 | 416
        bytes=99999999999999999999- | 1000 | 416
        bytes=-0,0-9           | 1000 | 0-9
        bytes=2000-,10-19      | 1000 | 10-19
        # a zero-length representation: only a non-zero suffix is satisfiable, sent whole
        bytes=0-               | 0    | 416
        bytes=-5               | 0    | 200
        # invalid fields are ignored (§14.2 MAY), other units too
        bytes=5-4              | 1000 | 200
        bytes=                 | 1000 | 200
        bytes=-                | 1000 | 200
        bytes=abc              | 1000 | 200
        bytes=0-9;x            | 1000 | 200
        bytes=+1-2             | 1000 | 200
        'bytes=0 -9'           | 1000 | 200
        bytes 0-9              | 1000 | 200
        items=0-9              | 1000 | 200
        bytes=0-9,x            | 1000 | 200
        # overlapping and nearby ranges coalesce, in ascending order (§14.2 MAY)
        bytes=0-499,400-999    | 1000 | 0-999
        bytes=12-20,5-15,0-10  | 1000 | 0-20
        bytes=0-9,50-59        | 1000 | 0-59
        bytes=0-9,89-99        | 1000 | 0-99
        bytes=0-9,90-99        | 1000 | 0-9 90-99
        bytes=500-,0-,-1       | 1000 | 0-999
        """)
    void selects(String field, long length, String expected) {
        assertEquals(expected, describe(ByteRanges.select(field, length)));
    }

    /**
     * CVE-2011-3192, the Apache "Range: bytes=0-,5-0,5-1,..." denial of service: one request
     * asked for the file once per overlapping range. Here the field is invalid (5-0) and far
     * over the cap, so it is ignored and the file goes out once.
     */
    @Test
    void ignoresTheApacheKillerField() {
        String field = "bytes=0-," + IntStream.range(0, 1300).mapToObj(i -> "5-" + i)
                .collect(Collectors.joining(","));
        assertEquals("200", describe(ByteRanges.select(field, 100_000)));
    }

    @Test
    void coalescesTheCapOfOverlappingRangesIntoOne() {
        String field = "bytes=" + IntStream.range(0, ByteRanges.MAX_RANGES)
                .mapToObj(i -> i + "-").collect(Collectors.joining(","));
        assertEquals("0-999", describe(ByteRanges.select(field, 1000)));
    }

    @Test
    void coalescesManyTinyRangesIntoOne() {
        String field = "bytes=" + IntStream.range(0, ByteRanges.MAX_RANGES)
                .mapToObj(i -> (62 - 2 * i) + "-" + (62 - 2 * i)).collect(Collectors.joining(","));
        assertEquals("0-62", describe(ByteRanges.select(field, 1000)));
    }

    @Test
    void ignoresMoreRangesThanTheCap() {
        String field = "bytes=" + IntStream.range(0, ByteRanges.MAX_RANGES + 1)
                .mapToObj(i -> (i * 200) + "-" + (i * 200)).collect(Collectors.joining(","));
        assertEquals("200", describe(ByteRanges.select(field, 100_000)));
    }

    @Test
    void keepsTheCapOfDistantRangesAsParts() {
        String field = "bytes=" + IntStream.range(0, ByteRanges.MAX_RANGES)
                .mapToObj(i -> (i * 200) + "-" + (i * 200)).collect(Collectors.joining(","));
        Selection selection = ByteRanges.select(field, 100_000);
        assertEquals(ByteRanges.MAX_RANGES, ((Partial) selection).ranges().size());
    }

    private static String describe(Selection selection) {
        return switch (selection) {
            case Whole w -> "200";
            case Unsatisfiable u -> "416";
            case Partial p -> p.ranges().stream().map(ByteRangesTest::describe)
                    .collect(Collectors.joining(" "));
        };
    }

    private static String describe(ByteRange range) {
        return range.first() + "-" + range.last();
    }
}
