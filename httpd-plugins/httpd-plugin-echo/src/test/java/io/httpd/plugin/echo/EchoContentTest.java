package io.httpd.plugin.echo;

import io.httpd.api.Headers;
import io.httpd.api.Method;
import io.httpd.api.Request;
import io.httpd.api.Response;
import io.httpd.api.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EchoContentTest {
    private static final long ONE_GIB = 1L << 30;

    @Test
    @Timeout(120)
    void streamsOneGibibyteThroughABoundedBuffer() throws Exception {
        GeneratedContent content = new GeneratedContent(ONE_GIB);
        Request request = request(Method.POST, content, "Content-Length", Long.toString(ONE_GIB));

        Response.Body.Streamed body = streamed(new EchoHandler().handle(request));
        assertEquals(ONE_GIB, body.length());
        CountingOutput out = new CountingOutput();
        body.writer().writeTo(out);

        assertEquals(ONE_GIB, content.tally().bytes(), "the whole request content was read");
        assertEquals(ONE_GIB, out.tally().bytes(), "every byte arrived");
        assertEquals(content.tally().checksum(), out.tally().checksum(), "in order and unchanged");
        assertTrue(content.tally().largestChunk() <= EchoHandler.BUFFER_BYTES, "bounded reads");
        assertTrue(out.tally().largestChunk() <= EchoHandler.BUFFER_BYTES, "bounded writes");
        assertFalse(out.closed(), "the writer leaves the stream open");
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT"})
    void echoesContentWithItsContentType(String method) throws Exception {
        byte[] sent = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        Request request = request(Method.of(method), new ByteArrayInputStream(sent),
                "Content-Type", "application/json", "Content-Length", "7");

        Response response = new EchoHandler().handle(request);

        assertEquals(Status.OK, response.status());
        assertEquals("application/json", response.headers().first("Content-Type").orElseThrow());
        assertEquals("nosniff", response.headers().first("X-Content-Type-Options").orElseThrow());
        assertEquals("{\"a\":1}", written(streamed(response)));
    }

    @Test
    void contentWithoutTypeOrLengthIsOctetStreamOfUnknownLength() throws Exception {
        Request request = request(Method.POST, new ByteArrayInputStream(new byte[] {0, 1, 2}));

        Response response = new EchoHandler().handle(request);

        assertEquals("application/octet-stream",
                response.headers().first("Content-Type").orElseThrow());
        Response.Body.Streamed body = streamed(response);
        assertEquals(-1, body.length());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        body.writer().writeTo(out);
        assertEquals(3, out.size());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "0                    | 0",
        "42                   | 42",
        "007                  | 7",
        "999999999999999999   | 999999999999999999",
        "9999999999999999999  | -1",
        "-1                   | -1",
        "+5                   | -1",
        "1e3                  | -1",
        "'42, 42'             | 42", // a list of one value twice is that value (RFC 9110 §8.6)
        "'4 2'                | -1",
        "''                   | -1",
    })
    void lengthIsContentLengthOnlyWhenPlainDigits(String contentLength, long expected) {
        assertEquals(expected, streamed(EchoHandler.echoContent(request(Method.POST,
                InputStream.nullInputStream(), "Content-Length", contentLength))).length());
    }

    @Test
    void lengthIsUnknownWithTransferEncoding() {
        assertEquals(-1, streamed(EchoHandler.echoContent(request(Method.POST,
                InputStream.nullInputStream(), "Transfer-Encoding", "chunked",
                "Content-Length", "5"))).length());
    }

    private static Request request(Method method, InputStream body, String... fields) {
        return new Request(method, "/echo", "/echo", "", "HTTP/1.1", Headers.of(fields),
                new InetSocketAddress("127.0.0.1", 5555), "/echo", body);
    }

    private static Response.Body.Streamed streamed(Response response) {
        return assertInstanceOf(Response.Body.Streamed.class, response.body());
    }

    private static String written(Response.Body.Streamed body) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        body.writer().writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
