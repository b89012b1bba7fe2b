package io.httpd.dist;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The image's plain sockets use the engine's own system calls (the engine notes, "System
 * calls": a head queued with MSG_MORE, sendfile, recv) once the launcher's options let them,
 * and the channels' calls with {@code -Dhttpd.socketCalls=off}: the log says which, and
 * pipelined requests for files of every size get the same bytes either way.
 */
class SocketCallsIT {
    @TempDir
    Path dir;
    @AutoClose
    private ImageProcess server;

    @ParameterizedTest(name = "HTTPD_JAVA_OPTS=[{0}] -> socket.calls {1}")
    @CsvSource(delimiter = '|', value = {
        "                         | on",
        "-Dhttpd.socketCalls=off | off",
    })
    void pipelinedFilesComeWholeAndInOrder(String opts, String state) throws Exception {
        Path site = Files.createDirectories(dir.resolve("site"));
        byte[] big = random(3 * 1024 * 1024 + 17);  // sendfile, the socket full many times
        byte[] mid = random(64 * 1024);             // sendfile, its head held for it
        byte[] small = random(100);                 // from memory, with its head
        Files.write(site.resolve("big.bin"), big);
        Files.write(site.resolve("mid.bin"), mid);
        Files.write(site.resolve("small.bin"), small);
        Path config = ImageProcess.writeConfig(dir, ImageProcess.ANY_PORT + """

                [[route]]
                path = "/"
                handler = "static"
                root = "site"
                """);
        server = ImageProcess.startUnder(
                List.of("env", "HTTPD_JAVA_OPTS=" + (opts == null ? "" : opts)), dir,
                "-c", config.toString());
        server.awaitPort(Duration.ofSeconds(20));
        server.awaitOutput("socket.calls state=\"" + state + "\"");

        // target, a field, the body expected; the last says Connection: close
        String[][] requests = {{"/mid.bin", ""}, {"/small.bin", ""}, {"/big.bin", ""},
                {"/mid.bin", "Range: bytes=100-70000\r\n"}, {"/mid.bin", ""},
                {"/small.bin", "Connection: close\r\n"}};
        byte[][] bodies = {mid, small, big, Arrays.copyOfRange(mid, 100, mid.length), mid, small};
        StringBuilder pipelined = new StringBuilder();
        for (String[] request : requests) {
            pipelined.append("GET ").append(request[0]).append(" HTTP/1.1\r\nHost: t\r\n")
                    .append(request[1]).append("\r\n");
        }
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(pipelined.toString().getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            for (int i = 0; i < requests.length; i++) {
                String head = readHead(in);
                String status = requests[i][1].startsWith("Range") ? "206" : "200";
                assertTrue(head.startsWith("HTTP/1.1 " + status + " "), requests[i][0] + ": " + head);
                assertArrayEquals(bodies[i], in.readNBytes(contentLength(head)), requests[i][0]);
            }
            assertEquals(-1, in.read(), "closed after the request that said so (RFC 9112 §9.6)");
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the connection ended in a head: " + head);
            }
            head.write(b);
            byte[] so = head.toByteArray();
            if (so.length >= 4 && Arrays.equals(so, so.length - 4, so.length,
                    new byte[] {'\r', '\n', '\r', '\n'}, 0, 4)) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
        }
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(line.substring("content-length:".length()).strip());
            }
        }
        throw new AssertionError("no Content-Length: " + head);
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
