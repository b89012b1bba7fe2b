package io.httpd.dist;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The image under {@code ulimit -n 256}, flooded with 300 connections right after start-up,
 * each sending a request at once, before it ever waited on a socket (the JDK creates its socket
 * pollers at the first wait; created during the exhaustion, they never work): it warns at start that the limit is below the connections
 * it may need; while no descriptor is left, accept failures are logged once, not once per
 * retry; once the clients leave it serves normally again, including what makes a virtual
 * thread wait on a socket (a second request on a keep-alive connection, a head that arrives
 * late), and nothing logged a stack trace.
 */
class DescriptorExhaustionIT {
    static final int OPEN_FILES = 256;
    static final int FLOOD = 300;

    @TempDir
    Path dir;

    @Test
    void floodBacksOffLogsOnceAndRecovers() throws Exception {
        Files.createDirectories(dir.resolve("site"));
        Files.writeString(dir.resolve("site/index.html"), "home\n");
        Path config = ImageProcess.writeConfig(dir, ImageProcess.ANY_PORT + """

                [limits]
                connections = 1000

                [[route]]
                path = "/"
                handler = "static"
                root = "site"
                """);
        try (ImageProcess server = ImageProcess.startWithOpenFiles(dir, OPEN_FILES, "-c", config.toString())) {
            int port = server.awaitPort(Duration.ofSeconds(20));
            assertTrue(server.output().contains("server.fd_limit open_files_limit=\"256\" connections=\"1000\""),
                    server.output());
            List<Socket> flood = new ArrayList<>();
            try {
                for (int i = 0; i < FLOOD; i++) { // each sends its request at once
                    Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
                    flood.add(s);
                    s.getOutputStream().write(get("").getBytes(StandardCharsets.ISO_8859_1));
                }
                Thread.sleep(2000); // the server has run out of descriptors for a while
                assertEquals(1, count(server.output(), "accept.fail"), server.output());
            } finally {
                for (Socket s : flood) {
                    s.close();
                }
            }
            awaitRecovery(server);
            assertEquals("home\n", keepAliveTwice(port));
            assertEquals("home\n", lateHead(port));
            assertFalse(server.output().contains("Exception"), server.output());
            // the system calls were looked up at start, when descriptors were plentiful, and
            // linked after the flood had begun
            server.awaitOutput("socket.calls state=\"on\"");
        }
    }

    private static void awaitRecovery(ImageProcess server) {
        server.awaitOutput("accept.recover");
    }

    /** Two requests on one connection: the second one's wait parks the virtual thread. */
    private static String keepAliveTwice(int port) throws IOException {
        try (Socket s = client(port)) {
            s.getOutputStream().write(get("").getBytes(StandardCharsets.ISO_8859_1));
            String first = body(s.getInputStream());
            s.getOutputStream().write(get("Connection: close\r\n").getBytes(StandardCharsets.ISO_8859_1));
            assertEquals(first, body(s.getInputStream()));
            return first;
        }
    }

    /** A head whose second half comes 0.5 s after its first. */
    private static String lateHead(int port) throws Exception {
        try (Socket s = client(port)) {
            OutputStream out = s.getOutputStream();
            out.write("GET / HTTP/1.1\r\n".getBytes(StandardCharsets.ISO_8859_1));
            Thread.sleep(500);
            out.write("Host: t\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            return body(s.getInputStream());
        }
    }

    private static Socket client(int port) throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
        s.setSoTimeout(5000);
        return s;
    }

    private static String get(String fields) {
        return "GET / HTTP/1.1\r\nHost: t\r\n" + fields + "\r\n";
    }

    /** Reads one 200 response with a Content-Length and returns its content. */
    private static String body(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("closed inside the head: " + head);
            }
            head.append((char) c);
        }
        assertTrue(head.toString().startsWith("HTTP/1.1 200 "), head.toString());
        String lower = head.toString().toLowerCase(java.util.Locale.ROOT);
        int at = lower.indexOf("content-length: ") + "content-length: ".length();
        int length = Integer.parseInt(lower.substring(at, lower.indexOf('\r', at)));
        return new String(in.readNBytes(length), StandardCharsets.ISO_8859_1);
    }

    private static int count(String text, String word) {
        int n = 0;
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            n++;
        }
        return n;
    }
}
