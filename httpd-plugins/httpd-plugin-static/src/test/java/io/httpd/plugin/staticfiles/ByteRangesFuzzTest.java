package io.httpd.plugin.staticfiles;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.httpd.testkit.Java25Bridge;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coverage-guided fuzzing of the Range header parser, {@link ByteRanges#select} (RFC 9110
 * §14). Invariants: no exception; a {@link ByteRanges.Partial} holds 1 to {@link
 * ByteRanges#MAX_RANGES} ranges, each inside the representation ({@code 0 <= first <= last <
 * length}) and none overlapping another, so a 206 can never send a byte twice or past the end.
 */
@ExtendWith(Java25Bridge.class)
class ByteRangesFuzzTest {
    @FuzzTest(maxDuration = "2m")
    void select(FuzzedDataProvider data) {
        // consumeLong(0, Long.MAX_VALUE) gave a negative length (input provider-negative-length)
        long length = data.consumeBoolean() ? data.consumeLong(0, 1 << 20) : data.consumeLong() & Long.MAX_VALUE;
        String field = new String(data.consumeRemainingAsBytes(), StandardCharsets.ISO_8859_1);
        if (ByteRanges.select(field, length) instanceof ByteRanges.Partial(List<ByteRanges.ByteRange> ranges)) {
            assertFalse(ranges.isEmpty());
            assertTrue(ranges.size() <= ByteRanges.MAX_RANGES, field);
            for (ByteRanges.ByteRange r : ranges) {
                assertTrue(0 <= r.first() && r.first() <= r.last() && r.last() < length, r + " of " + length);
                for (ByteRanges.ByteRange other : ranges) {
                    assertTrue(r == other || r.last() < other.first() || other.last() < r.first(),
                            "overlap: " + ranges);
                }
            }
        }
    }
}
