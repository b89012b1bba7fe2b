package io.httpd.core.http1;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.httpd.testkit.Java25Bridge;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coverage-guided fuzzing of {@link TargetPath#normalize}, fed what the parser lets through: a
 * "/" then bytes that {@link Grammar#isTargetChar} allows. Invariants: only {@link
 * HttpException} 400 escapes; a normalized path starts with "/", holds no control character,
 * no "." or ".." segment (it cannot climb, RFC 3986 §5.2.4), and is its own dot-segment
 * removal.
 */
@ExtendWith(Java25Bridge.class)
class TargetPathFuzzTest {
    @FuzzTest(maxDuration = "2m")
    void normalize(byte[] input) {
        StringBuilder raw = new StringBuilder("/");
        for (byte b : input) {
            if (Grammar.isTargetChar(b) && b != '?') {
                raw.append((char) b);
            }
        }
        String path;
        try {
            path = TargetPath.normalize(raw.toString());
        } catch (HttpException e) {
            assertEquals(400, e.status().code(), e.getMessage());
            return;
        }
        assertTrue(path.startsWith("/"), path);
        assertFalse(path.chars().anyMatch(c -> c < 0x20 || c == 0x7f), path);
        for (String segment : path.substring(1).split("/", -1)) {
            assertFalse(segment.equals(".") || segment.equals(".."), path);
        }
        try {
            assertEquals(path, TargetPath.removeDotSegments(path));
        } catch (HttpException e) {
            throw new AssertionError("a normalized path was refused: " + path, e);
        }
        assertTrue(StandardCharsets.UTF_8.newEncoder().canEncode(path), path);
    }
}
