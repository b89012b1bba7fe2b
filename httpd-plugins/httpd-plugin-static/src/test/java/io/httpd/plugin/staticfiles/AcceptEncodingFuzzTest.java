package io.httpd.plugin.staticfiles;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.httpd.api.Headers;
import io.httpd.testkit.Java25Bridge;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coverage-guided fuzzing of the Accept-Encoding parser, {@link AcceptEncoding} (RFC 9110
 * §12.5.3), with any field value (split in two lines at a fuzzed point, which must mean the
 * same as one line joined with a comma). Invariants: no exception; every weight is in
 * 0..1000; the field with every {@code gzip} spelled {@code x-gzip} gives gzip the same
 * weight (§8.4.1.3).
 */
@ExtendWith(Java25Bridge.class)
class AcceptEncodingFuzzTest {
    private static final String[] CODINGS = {"gzip", "br", "zstd", "deflate", "identity", "compress"};

    @FuzzTest(maxDuration = "2m")
    void weights(byte[] input) {
        // a field value as the parser passes it: no control byte but HTAB (input control-bytes);
        // LF stays, to split the value in two lines
        String value = new String(input, StandardCharsets.ISO_8859_1).replaceAll("[\\x00-\\x08\\x0b-\\x1f\\x7f]", "");
        int cut = value.indexOf('\n');
        AcceptEncoding whole = AcceptEncoding.of(Headers.of("Accept-Encoding", value.replace('\n', ',')));
        AcceptEncoding split = cut < 0 ? whole : AcceptEncoding.of(Headers.of(
                "Accept-Encoding", value.substring(0, cut), "Accept-Encoding", value.substring(cut + 1).replace('\n', ',')));
        for (String coding : CODINGS) {
            int w = whole.weight(coding);
            assertTrue(w >= 0 && w <= 1000, coding + "=" + w);
            assertEquals(w, split.weight(coding), coding + " in two lines");
        }
        String xgzip = value.replace('\n', ',').replaceAll("(?i)(?<![-\\w])gzip", "x-gzip");
        assertEquals(whole.weight("gzip"), AcceptEncoding.of(Headers.of("Accept-Encoding", xgzip)).weight("gzip"));
    }
}
