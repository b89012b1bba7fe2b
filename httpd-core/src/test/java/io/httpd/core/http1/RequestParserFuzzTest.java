package io.httpd.core.http1;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.httpd.testkit.Java25Bridge;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coverage-guided fuzzing of {@link RequestParser} plus {@link HeadRules} (the whole connection
 * loop: {@link ConnectionFuzzTest}). Invariants: the parser and the rules let only
 * {@link HttpException} (a status of the framing-error set) and {@link EOFException} escape,
 * and give the same outcome whether the bytes arrive whole or one per read.
 */
@ExtendWith(Java25Bridge.class)
class RequestParserFuzzTest {
    @FuzzTest(maxDuration = "2m")
    void head(byte[] input) {
        assertEquals(outcome(new ByteArrayInputStream(input)),
                outcome(MemoryTransport.oneBytePerRead(new ByteArrayInputStream(input))));
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
}
