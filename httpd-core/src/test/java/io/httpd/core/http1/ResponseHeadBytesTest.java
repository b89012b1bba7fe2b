package io.httpd.core.http1;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pieces of a response head written without allocating: which handler fields the server owns
 * (RFC 9110 §5.1: names are case-insensitive), and decimals (the status code, Content-Length:
 * RFC 9110 §8.6) written digit by digit into the buffer, exactly.
 */
class ResponseHeadBytesTest {
    @ParameterizedTest
    @ValueSource(strings = {"Date", "date", "DATE", "Server", "server", "Connection", "connection",
        "Keep-Alive", "keep-alive", "Content-Length", "CONTENT-length", "Transfer-Encoding",
        "transfer-encoding"})
    void theServerOwnsTheseFieldsInAnyCase(String name) {
        assertTrue(ResponseWriter.isServerField(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Dates", "Dat", "Servers", "Server-Timing", "Content-Type",
        "Connections", "Keep-Alive2", "Content-Lengths", "Transfer-Encodings", "ETag", "X"})
    void aHandlerKeepsEveryOtherField(String name) {
        assertFalse(ResponseWriter.isServerField(name));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 7, 9, 10, 99, 100, 200, 404, 13, 65536, 1_000_000_007L, Long.MAX_VALUE})
    void aDecimalIsWrittenExactly(long n) throws IOException {
        assertEquals(Long.toString(n), written(16 * 1024, 0, n));
    }

    @Test
    void aDecimalThatDoesNotFitTheBufferFlushesItFirst() throws IOException {
        assertEquals("x".repeat(14) + "123456", written(16, 14, 123456));
    }

    private static String written(int bufferSize, int before, long n) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        WireWriter out = new WireWriter(sink, bufferSize, new TrafficCounters());
        for (int i = 0; i < before; i++) {
            out.write('x');
        }
        out.writeDecimal(n);
        out.flush();
        assertEquals(before + Long.toString(n).length(), out.position());
        return sink.toString(StandardCharsets.ISO_8859_1);
    }
}
