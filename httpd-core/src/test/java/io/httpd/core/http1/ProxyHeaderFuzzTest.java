package io.httpd.core.http1;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.httpd.testkit.Java25Bridge;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coverage-guided fuzzing of the PROXY protocol header reader, {@link ProxyHeader} (v1 text and
 * v2 binary). Invariants: only {@link ProxyHeader.Malformed} and {@link EOFException} escape;
 * a header read consumes at most 107 bytes (v1) or 16 + {@link ProxyHeader#MAX_V2_LENGTH}
 * (v2); an address has a port in 0..65535; the outcome, and the bytes consumed, are the same
 * whether the bytes arrive whole or one per read.
 */
@ExtendWith(Java25Bridge.class)
class ProxyHeaderFuzzTest {
    @FuzzTest(maxDuration = "2m")
    void read(byte[] input) {
        assertEquals(outcome(new ByteArrayInputStream(input), input.length),
                outcome(MemoryTransport.oneBytePerRead(new ByteArrayInputStream(input)), input.length));
    }

    private static String outcome(InputStream in, int length) {
        String result;
        try {
            result = ProxyHeader.read(in).map(a -> {
                assertTrue(a.getPort() >= 0 && a.getPort() <= 65535, a.toString());
                return a.toString();
            }).orElse("own peer");
        } catch (ProxyHeader.Malformed e) {
            result = "malformed: " + e.getMessage();
        } catch (EOFException e) {
            result = "EOF";
        } catch (IOException e) {
            throw new AssertionError("an I/O failure from memory", e);
        }
        int consumed = length - remaining(in);
        assertTrue(consumed <= 16 + ProxyHeader.MAX_V2_LENGTH, "read " + consumed + " bytes");
        return result + " after " + consumed;
    }

    private static int remaining(InputStream in) {
        try {
            return in.readAllBytes().length;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
