package io.httpd.core.http1;

import io.httpd.api.AccessRecord;
import io.httpd.api.Headers;
import io.httpd.api.Method;
import io.httpd.api.Response;
import io.httpd.api.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static io.httpd.core.http1.TestContext.route;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A response cut short after its head was sent is logged as aborted, with the content bytes
 * that actually went out (head and chunk framing not counted, as nginx's $body_bytes_sent),
 * never as complete: RFC 9112 §8, the client sees an incomplete message and the connection
 * closes.
 */
class AbortedResponseTest {
    static final int LIMIT = 100_000;
    static final int FILE_BYTES = 1_000_000;
    static final int TRUNCATED_TO = 300_000;

    @TempDir
    Path dir;

    private final TestContext t = new TestContext(
            route("/echo", AbortedResponseTest::echo, Set.of(Method.POST), LIMIT),
            route("/file", r -> shrinkingFile(), Set.of(Method.GET)),
            route("/whole", r -> echo(r), Set.of(Method.POST), LIMIT));

    /** The request content streamed back, chunked, as the echo plugin does. */
    private static Response echo(io.httpd.api.Request r) {
        return new Response(Status.OK, Headers.EMPTY,
                new Response.Body.Streamed(-1, out -> r.body().transferTo(out)));
    }

    /** A file that shrinks to {@link #TRUNCATED_TO} bytes after its region was decided. */
    private Response shrinkingFile() throws IOException {
        Path file = dir.resolve("big.bin");
        Files.write(file, new byte[FILE_BYTES]);
        Response.Body.FileRegion region = new Response.Body.FileRegion(file, 0, FILE_BYTES);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(TRUNCATED_TO);
        }
        return new Response(Status.OK, Headers.EMPTY, region);
    }

    @Test
    void contentPastTheLimitWhileEchoingIsLoggedAbortedWithTheBytesSent() throws Exception {
        try (TestServer server = TestServer.start(t.ctx); RawClient client = server.connect()) {
            CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> readAll(client));
            String head = "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n";
            client.send(head + ("2710\r\n" + "e".repeat(10_000) + "\r\n").repeat(15) + "0\r\n\r\n");
            String response = new String(received.get(), StandardCharsets.ISO_8859_1);
            long content = chunkedContent(response);
            AccessRecord r = t.nextRecord();
            assertEquals(200, r.status());
            assertTrue(r.aborted(), "aborted");
            assertEquals(content, r.bytes(), "the content the client received");
            assertTrue(content > 0 && content <= LIMIT, "content " + content);
            assertFalse(response.endsWith("0\r\n\r\n"), "no last chunk: the client sees it cut");
        }
    }

    @Test
    void fileTruncatedDuringSendfileIsLoggedAbortedWithTheBytesSent() throws Exception {
        try (TestServer server = TestServer.start(t.ctx); RawClient client = server.connect()) {
            client.send("GET /file HTTP/1.1\r\nHost: a\r\n\r\n");
            String response = new String(readAll(client), StandardCharsets.ISO_8859_1);
            assertTrue(response.startsWith("HTTP/1.1 200 OK\r\n"), response.lines().findFirst().orElse(""));
            assertTrue(response.contains("\r\nContent-Length: " + FILE_BYTES + "\r\n"));
            int bodyStart = response.indexOf("\r\n\r\n") + 4;
            assertEquals(TRUNCATED_TO, response.length() - bodyStart, "content received");
            AccessRecord r = t.nextRecord();
            assertEquals(200, r.status());
            assertTrue(r.aborted(), "aborted");
            assertEquals(TRUNCATED_TO, r.bytes());
        }
    }

    @Test
    void aWholeResponseIsNotAborted() throws Exception {
        try (TestServer server = TestServer.start(t.ctx); RawClient client = server.connect()) {
            client.send("POST /whole HTTP/1.1\r\nHost: a\r\nConnection: close\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n");
            String response = new String(readAll(client), StandardCharsets.ISO_8859_1);
            assertTrue(response.endsWith("\r\n5\r\nhello\r\n0\r\n\r\n"), response);
            AccessRecord r = t.nextRecord();
            assertFalse(r.aborted(), "aborted");
            assertEquals(5, r.bytes());
        }
    }

    private static byte[] readAll(RawClient client) {
        try {
            return client.readToEnd().getBytes(StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The content of a chunked response that may end early: the data of its whole chunks. */
    private static long chunkedContent(String response) {
        int at = response.indexOf("\r\n\r\n") + 4;
        long content = 0;
        while (at < response.length()) {
            int lineEnd = response.indexOf("\r\n", at);
            int size = Integer.parseInt(response.substring(at, lineEnd), 16);
            if (size == 0 || lineEnd + 2 + size + 2 > response.length()) {
                break;
            }
            content += size;
            at = lineEnd + 2 + size + 2;
        }
        return content;
    }
}
