package io.httpd.core.http1;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.httpd.testkit.Java25Bridge;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.httpd.core.http1.TestContext.normalize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coverage-guided fuzzing of the whole connection loop (in memory): {@link RequestParser},
 * {@link HeadRules}, bodies and responses (a class of its own so that CI's bounded pass, one
 * JVM per class, fuzzes it beside {@link RequestParserFuzzTest}). Invariants:
 * <ul>
 *   <li>the loop throws nothing, closes its transport, and sends only well-formed responses
 *       (status line, Content-Length framing), the same bytes whole or split, and
 *       Connection: close only on the last response;</li>
 *   <li>no more responses than the input has line ends (no request invented);</li>
 *   <li>inputs with HEAD are checked for a status line only (no content to frame).</li>
 * </ul>
 */
@ExtendWith(Java25Bridge.class)
class ConnectionFuzzTest {
    private final TestContext t = RequestParserTest.server();

    @FuzzTest(maxDuration = "2m")
    void connection(byte[] input) {
        String whole = serve(new ByteArrayInputStream(input));
        assertEquals(whole, serve(MemoryTransport.oneBytePerRead(new ByteArrayInputStream(input))), "whole vs one byte per read");
        if (new String(input, StandardCharsets.ISO_8859_1).contains("HEAD")) {
            // a response to HEAD has Content-Length and no content, which the split below
            // cannot tell from a response cut short (the first finding: head-expect-continue)
            assertTrue(whole.isEmpty() || whole.startsWith("HTTP/1.1 "), whole);
            return;
        }
        List<ParserFuzzTest.Reply> replies = ParserFuzzTest.Reply.split(whole, "fuzz input");
        long lineEnds = countLineEnds(input);
        assertTrue(replies.size() <= Math.max(1, lineEnds), "more responses than requests");
        for (int i = 0; i < replies.size() - 1; i++) {
            assertTrue(!replies.get(i).closes(), "a response after Connection: close");
        }
    }

    private String serve(InputStream in) {
        MemoryTransport transport = new MemoryTransport(in);
        new Connection(transport, Generations.fixed(t.ctx), () -> false).run();
        assertTrue(transport.closed(), "the loop ended without closing its transport");
        return normalize(transport.sent());
    }

    private static long countLineEnds(byte[] input) {
        long n = 0;
        for (byte b : input) {
            n += b == '\n' ? 1 : 0;
        }
        return n;
    }
}
