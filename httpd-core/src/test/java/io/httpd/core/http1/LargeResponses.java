package io.httpd.core.http1;

import io.httpd.api.Headers;
import io.httpd.api.Response;
import io.httpd.api.Status;
import io.httpd.core.config.Limits;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A large response on each of the three write paths, for tests of clients that read slowly or
 * not at all, and such a client: a small receive buffer, one request, then reads only when told.
 */
enum LargeResponses {
    /** Body.FileRegion: sendfile. */
    FILE,
    /** Body.Bytes: the buffered output, written straight through. */
    BYTES,
    /** Body.Streamed of unknown length: chunked. */
    CHUNKED;

    static final int SIZE = 16 << 20;

    /** A context serving "/big" in each way (by the query) and "/small". */
    static TestContext context(Path dir, Limits limits) throws IOException {
        byte[] content = new byte[SIZE];
        Path file = Files.write(dir.resolve("big.bin"), content);
        return new TestContext(limits,
                TestContext.route("/small", r -> Response.text(Status.OK, "hi")),
                TestContext.route("/big", r -> switch (valueOf(r.query())) {
                    case FILE -> new Response(Status.OK, Headers.EMPTY,
                            new Response.Body.FileRegion(file, 0, SIZE));
                    case BYTES -> new Response(Status.OK, Headers.EMPTY, new Response.Body.Bytes(content));
                    case CHUNKED -> new Response(Status.OK, Headers.EMPTY,
                            new Response.Body.Streamed(-1, out -> {
                                for (int i = 0; i < SIZE / 65536; i++) {
                                    out.write(content, 0, 65536);
                                }
                            }));
                }));
    }

    /** A client with a 64 KiB receive buffer that asked for this response and reads nothing yet. */
    Socket request(InetSocketAddress server) throws IOException {
        Socket s = new Socket();
        s.setReceiveBufferSize(65536);
        s.connect(server, 5000);
        s.setSoTimeout(5000);
        s.getOutputStream().write(("GET /big?" + name() + " HTTP/1.1\r\nHost: a\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        return s;
    }
}
