package io.httpd.core.http1;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.httpd.testkit.Java25Bridge;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HexFormat;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coverage-guided fuzzing of the chunked decoder, {@link ChunkedBody} (RFC 9112 §7.1).
 * Invariants: only {@link HttpException} 400 (malformed, or the stream ended inside the
 * message) or 413 (over the limit) escapes; the content never exceeds the limit nor the input;
 * a message that ends cleanly leaves exactly the bytes after it unread; and the outcome is the
 * same whether the bytes arrive whole or one per read.
 */
@ExtendWith(Java25Bridge.class)
class ChunkedBodyFuzzTest {
    static final long LIMIT = 4096;

    @FuzzTest(maxDuration = "2m")
    void decode(byte[] input) {
        String whole = outcome(new ByteArrayInputStream(input), input.length);
        assertEquals(whole, outcome(MemoryTransport.oneBytePerRead(new ByteArrayInputStream(input)), input.length));
    }

    private static String outcome(InputStream source, int inputLength) {
        try {
            WireReader in = new WireReader(new MemoryTransport(source), 16 * 1024, new TrafficCounters());
            ChunkedBody body = new ChunkedBody(in, LIMIT, null);
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            byte[] buf = new byte[512];
            for (int n; (n = body.read(buf, 0, buf.length)) >= 0; ) {
                content.write(buf, 0, n);
                assertTrue(content.size() <= LIMIT && content.size() <= inputLength, "content past its bounds");
            }
            assertTrue(body.atEnd(), "end of content before the last chunk");
            int rest = 0;
            while (in.read() >= 0) {
                rest++;
            }
            return "ok " + HexFormat.of().formatHex(content.toByteArray()) + " rest " + rest;
        } catch (HttpException e) {
            assertTrue(Set.of(400, 413).contains(e.status().code()), e.status() + " " + e.getMessage());
            return e.status().code() + " " + e.getMessage();
        } catch (IOException e) {
            throw new AssertionError("an I/O failure from memory", e);
        }
    }
}
