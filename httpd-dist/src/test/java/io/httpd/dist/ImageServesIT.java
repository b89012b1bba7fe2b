package io.httpd.dist;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real image serving over real sockets, with the echo plugin it links. */
class ImageServesIT {
    private static final long ONE_GIB = 1L << 30;

    @TempDir
    Path dir;
    @RegisterExtension
    final ServedImage image = new ServedImage();
    private ImageProcess server;

    @BeforeEach
    void start() throws Exception {
        String config = ImageProcess.ECHO_ON_ANY_PORT + """
                body_bytes = "2GiB"
                """;
        server = image.serve(dir, config);
    }

    @Test
    void echoAnswersWithTheParsedRequest() throws Exception {
        try (Socket s = connect()) {
            s.getOutputStream().write(("GET /echo?a=1 HTTP/1.1\r\nHost: x\r\nX-Test: yes\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String response = new String(s.getInputStream().readAllBytes(),
                    StandardCharsets.ISO_8859_1);
            assertEquals("""
                    HTTP/1.1 200 OK\r
                    Content-Type: text/plain; charset=utf-8\r
                    X-Content-Type-Options: nosniff\r
                    Date: *\r
                    Server: httpd\r
                    Connection: close\r
                    Content-Length: 61\r
                    \r
                    GET /echo?a=1 HTTP/1.1
                    Host: x
                    X-Test: yes
                    Connection: close
                    """, response.replaceFirst("Date: [^\r]+", "Date: *"));
        }
    }

    /** The bounded-memory check: 1 GiB in, 1 GiB back, through the real image. */
    @Test
    void echoStreamsAGibibyteBack() throws Exception {
        try (Socket s = connect()) {
            CompletableFuture<long[]> sent = CompletableFuture.supplyAsync(() -> send(s));
            InputStream in = s.getInputStream();
            String head = readHead(in);
            assertTrue(head.startsWith("HTTP/1.1 200 OK\r\n"), head);
            assertTrue(head.contains("\r\nContent-Length: " + ONE_GIB + "\r\n"), head);
            CRC32 crc = new CRC32();
            byte[] buf = new byte[65536];
            long total = 0;
            for (int n; total < ONE_GIB && (n = in.read(buf)) > 0; total += n) {
                crc.update(buf, 0, n);
            }
            assertEquals(ONE_GIB, total);
            assertEquals(sent.get()[1], crc.getValue());
        }
    }

    /**
     * Started from a temporary folder with no logback.xml: the server log's format is the one
     * built in (ServerLog), conf/logback.xml.example's.
     */
    @Test
    void theServerLogHasTheBuiltInFormat() {
        assertTrue(server.output().lines().anyMatch(line -> line.matches(
                "\\d{4}-\\d\\d-\\d\\dT\\S+ INFO  HttpServer server\\.listen "
                        + "address=\"127\\.0\\.0\\.1:" + server.port() + "\"")), server.output());
    }

    @Test
    void hangupReloadsAndKeepsServing() throws Exception {
        server.signal("HUP");
        server.awaitOutput("server.reload");
        try (Socket s = connect()) {
            s.getOutputStream().write("GET /echo HTTP/1.1\r\nHost: x\r\n\r\n".getBytes());
            assertTrue(readHead(s.getInputStream()).startsWith("HTTP/1.1 200 OK"));
        }
    }

    @Test
    void terminateExitsZero() throws Exception {
        server.signal("TERM");
        assertEquals(0, server.awaitExit(Duration.ofSeconds(20)), server.output());
        assertTrue(server.output().contains("server.stopped"), server.output());
    }

    private Socket connect() throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port());
        s.setSoTimeout(30_000);
        return s;
    }

    private static long[] send(Socket s) {
        try {
            OutputStream out = s.getOutputStream();
            out.write(("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream\r\n"
                    + "Content-Length: " + ONE_GIB + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] block = new byte[65536];
            CRC32 crc = new CRC32();
            for (long sent = 0; sent < ONE_GIB; sent += block.length) {
                for (int i = 0; i < block.length; i++) {
                    block[i] = (byte) ((sent + i) * 31 >>> 3);
                }
                crc.update(block);
                out.write(block);
            }
            out.flush();
            return new long[] {ONE_GIB, crc.getValue()};
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        while (state < 4) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            state = (b == '\r' && state % 2 == 0) || (b == '\n' && state % 2 == 1) ? state + 1 : 0;
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }
}
