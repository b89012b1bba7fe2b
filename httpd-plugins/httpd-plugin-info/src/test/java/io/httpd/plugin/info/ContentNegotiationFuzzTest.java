package io.httpd.plugin.info;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.httpd.api.Headers;
import io.httpd.testkit.Java25Bridge;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coverage-guided fuzzing of the Accept parser, {@link ContentNegotiation} (RFC 9110 §12.5.1),
 * with any field value (a LF in the input splits it into two field lines, which must mean the
 * same as one line joined with a comma). Invariants: no exception; a format is always chosen;
 * every parsed media range has a non-empty type and subtype and a weight in 0..1000.
 */
@ExtendWith(Java25Bridge.class)
class ContentNegotiationFuzzTest {
    @FuzzTest(maxDuration = "2m")
    void choose(byte[] input) {
        // a field value as the parser passes it: no control byte but HTAB; LF splits it in two
        String value = new String(input, StandardCharsets.ISO_8859_1).replaceAll("[\\x00-\\x08\\x0b-\\x1f\\x7f]", "");
        int cut = value.indexOf('\n');
        String joined = value.replace('\n', ',');
        ContentNegotiation.Format format = ContentNegotiation.choose(Headers.of("Accept", joined));
        assertNotNull(format);
        if (cut >= 0) {
            assertEquals(format, ContentNegotiation.choose(Headers.of("Accept", value.substring(0, cut),
                    "Accept", value.substring(cut + 1).replace('\n', ','))), "two lines");
        }
        for (ContentNegotiation.MediaRange range : ContentNegotiation.parse(List.of(joined))) {
            assertTrue(!range.type().isEmpty() && !range.subtype().isEmpty(), range.toString());
            assertTrue(range.weight() >= 0 && range.weight() <= 1000, range.toString());
        }
    }
}
