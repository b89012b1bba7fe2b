package io.httpd.core.http1;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.httpd.testkit.Java25Bridge;
import org.junit.jupiter.api.BeforeAll;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

import static io.httpd.core.http1.TestContext.normalize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coverage-guided fuzzing of {@link RequestParser} plus {@link HeadRules}, alone and inside the
 * whole connection loop (in memory). Invariants:
 * <ul>
 *   <li>the parser and the rules let only {@link HttpException} (a status of the framing-error
 *       set) and {@link EOFException} escape, and give the same outcome whether the bytes
 *       arrive whole or one per read;</li>
 *   <li>the connection loop throws nothing, closes its transport, and sends only well-formed
 *       responses (status line, Content-Length framing), the same bytes whole or split, and
 *       Connection: close only on the last response;</li>
 *   <li>no more responses than the input has line ends (no request invented);</li>
 *   <li>inputs with HEAD are checked for a status line only (no content to frame).</li>
 * </ul>
 */
class RequestParserFuzzTest {
    @BeforeAll
    static void instrumentJava25() {
        Java25Bridge.install();
    }

    private final TestContext t = RequestParserTest.server();

    @FuzzTest(maxDuration = "2m")
    void head(byte[] input) {
        assertEquals(outcome(new ByteArrayInputStream(input)),
                outcome(MemoryTransport.oneBytePerRead(new ByteArrayInputStream(input))));
    }

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

    /** What parsing and checking one head gives: a head, a status and reason, or an EOF. */
    private static String outcome(InputStream in) {
        try {
            RequestParser.RawHead raw = new RequestParser(new WireReader(new MemoryTransport(in), 16 * 1024, new TrafficCounters()),
                    RequestParserTest.REQUEST_LINE, RequestParserTest.HEADER_BYTES,
                    RequestParserTest.HEADER_COUNT).read();
            return raw == null ? "closed" : Objects.toString(HeadRules.check(raw));
        } catch (HttpException e) {
            assertTrue(ParserFuzzTest.FRAMING_ERRORS.contains(e.status().code()), e.getMessage());
            return e.status().code() + " " + e.getMessage();
        } catch (EOFException e) {
            return "EOF";
        } catch (IOException e) {
            throw new AssertionError("an I/O failure from memory", e);
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
