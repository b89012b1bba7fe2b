package io.httpd.core.http1;

import io.httpd.api.Headers;
import io.httpd.api.Response;
import io.httpd.api.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.httpd.core.http1.TestContext.CLOSE;
import static io.httpd.core.http1.TestContext.DATE_SERVER;
import static io.httpd.core.http1.TestContext.normalize;
import static io.httpd.core.http1.TestContext.route;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Streamed content of unknown length goes out chunked to HTTP/1.1 (RFC 9112 §7.1), one chunk
 * per write, and delimited by closing to HTTP/1.0 (RFC 9112 §6.3 item 8); of known length it
 * gets Content-Length.
 */
class ChunkedResponseTest {
    static final String GET = "GET /s HTTP/1.1\r\nHost: a\r\n\r\n";
    static final String PLAIN = "Content-Type: text/plain\r\n" + DATE_SERVER;

    private final CountDownLatch clientReadFirstChunk = new CountDownLatch(1);
    private final TestContext t = new TestContext(
            route("/s", r -> streamed(-1, out -> {
                out.write(bytes("hello"));
                out.write(new byte[0]); // nothing: an empty chunk would end the body
                out.write(bytes(" world"));
                out.write('!');
            })),
            route("/known", r -> streamed(12, out -> out.write(bytes("hello world!")))),
            route("/long", r -> streamed(5, out -> out.write(bytes("hello world!")))),
            route("/big", r -> streamed(-1, out -> out.write(new byte[20_000]))),
            route("/slow", r -> streamed(-1, out -> {
                out.write(bytes("first"));
                out.flush();
                awaitClient();
                out.write(bytes("second"));
            })));

    static final String CHUNKED_OK = "HTTP/1.1 200 OK\r\n" + PLAIN + "Transfer-Encoding: chunked\r\n\r\n"
            + "5\r\nhello\r\n6\r\n world\r\n1\r\n!\r\n0\r\n\r\n";

    @ParameterizedTest
    @EnumSource(Wire.class)
    void unknownLengthIsChunked(Wire wire) throws Exception {
        assertEquals(CHUNKED_OK + CHUNKED_OK, wire.exchange(t.ctx, GET + GET));
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void http10GetsContentDelimitedByClose(Wire wire) throws Exception {
        assertEquals("HTTP/1.1 200 OK\r\n" + PLAIN + CLOSE + "\r\nhello world!",
                wire.exchange(t.ctx, "GET /s HTTP/1.0\r\nConnection: keep-alive\r\n\r\n" + GET));
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void knownLengthHasContentLength(Wire wire) throws Exception {
        String ok = "HTTP/1.1 200 OK\r\n" + PLAIN + "Content-Length: 12\r\n\r\nhello world!";
        assertEquals(ok + ok, wire.exchange(t.ctx, "GET /known HTTP/1.1\r\nHost: a\r\n\r\n".repeat(2)));
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void chunkLargerThanTheWriteBuffer(Wire wire) throws Exception {
        assertEquals("HTTP/1.1 200 OK\r\n" + PLAIN + "Transfer-Encoding: chunked\r\n\r\n"
                        + "4e20\r\n" + "\0".repeat(20_000) + "\r\n0\r\n\r\n",
                wire.exchange(t.ctx, "GET /big HTTP/1.1\r\nHost: a\r\n\r\n"));
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void writingMoreThanTheDeclaredLengthCutsTheConnection(Wire wire) throws Exception {
        assertEquals("HTTP/1.1 200 OK\r\n" + PLAIN + "Content-Length: 5\r\n\r\n",
                wire.exchange(t.ctx, "GET /long HTTP/1.1\r\nHost: a\r\n\r\n" + GET));
    }

    @Test
    void chunksLeaveAsTheyAreFlushed() throws Exception {
        try (TestServer server = TestServer.start(t.ctx); RawClient client = server.connect()) {
            client.send("GET /slow HTTP/1.1\r\nHost: a\r\n\r\n");
            assertEquals("HTTP/1.1 200 OK\r\n" + PLAIN + "Transfer-Encoding: chunked\r\n\r\n",
                    normalize(client.readHead()));
            assertEquals("5\r\nfirst\r\n", client.read(10));
            clientReadFirstChunk.countDown();
            assertEquals("6\r\nsecond\r\n0\r\n\r\n", client.read(16));
            assertTrue(client.send(GET).readResponse().endsWith("0\r\n\r\n"));
        }
    }

    private void awaitClient() throws IOException {
        try {
            if (!clientReadFirstChunk.await(5, TimeUnit.SECONDS)) {
                throw new IOException("the client never saw the first chunk");
            }
        } catch (InterruptedException e) {
            throw new InterruptedIOException();
        }
    }

    private static Response streamed(long length, Response.Writer writer) {
        return new Response(Status.OK, Headers.of("Content-Type", "text/plain"),
                new Response.Body.Streamed(length, writer));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
