package io.httpd.dist;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SIGTERM drains: in-flight exchanges finish, idle connections close, the grace is enforced. */
class GracefulStopIT {
    @TempDir
    Path dir;
    @RegisterExtension
    final ServedImage image = new ServedImage();
    private ImageProcess server;

    private int start(String grace) throws Exception {
        String config = """
                [server]
                shutdown_grace = "%s"

                [[listen]]
                address = "127.0.0.1:0"

                [[route]]
                path = "/echo"
                handler = "echo"
                """.formatted(grace);
        server = image.serve(dir, config);
        return server.port();
    }

    @Test
    void aRequestInFlightCompletesThenTheProcessExitsZero() throws Exception {
        int port = start("10s");
        try (Socket s = connect(port)) {
            OutputStream out = s.getOutputStream();
            out.write(("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nhello")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String head = awaitBusy(s);
            server.signal("TERM");
            awaitLog("server.stop");
            out.write("world".getBytes(StandardCharsets.US_ASCII));
            String rest = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(head.startsWith("HTTP/1.1 200 OK\r\n"), head);
            assertEquals("helloworld", rest);
        }
        assertEquals(0, server.awaitExit(Duration.ofSeconds(20)), server.output());
        // the grace as httpd.toml writes it, not Duration.toString()'s PT10S
        assertTrue(server.output().contains("server.stop reason=\"SIGTERM\" grace=\"10s\""),
                server.output());
    }

    @Test
    void idleKeepAliveConnectionsAreClosed() throws Exception {
        int port = start("30s");
        List<Socket> idle = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                Socket s = connect(port);
                s.getOutputStream().write("GET /echo HTTP/1.1\r\nHost: x\r\n\r\n".getBytes());
                assertTrue(readResponse(s.getInputStream()).startsWith("HTTP/1.1 200"));
                idle.add(s);
            }
            server.signal("TERM");
            // well inside the 30 s grace: idle connections do not hold the stop up
            assertEquals(0, server.awaitExit(Duration.ofSeconds(10)), server.output());
            for (Socket s : idle) {
                assertEquals(-1, s.getInputStream().read(), "the server closed the connection");
            }
        } finally {
            for (Socket s : idle) {
                s.close();
            }
        }
    }

    @Test
    void pastTheGraceConnectionsAreCutWithAWarning() throws Exception {
        try (Socket _ = busyConnection("1s")) {
            server.signal("TERM");
            assertEquals(0, server.awaitExit(Duration.ofSeconds(20)), server.output());
            // the event keeps its name (a message of its own used to replace it)
            assertTrue(server.output().contains(
                    "WARN  Lifecycle server.stopped cut=\"1\" reason=\"grace period over\""),
                    server.output());
        }
    }

    @Test
    void aSecondInterruptExitsAtOnce() throws Exception {
        try (Socket _ = busyConnection("60s")) {
            server.signal("INT");
            awaitLog("server.stop"); // draining, and the request holds it for up to 60 s
            server.signal("INT");
            assertEquals(130, server.awaitExit(Duration.ofSeconds(10)), server.output());
        }
    }

    /** Starts with this grace, then sends 3 of a POST's 10 bytes and waits until it is busy. */
    private Socket busyConnection(String grace) throws Exception {
        Socket s = connect(start(grace));
        s.getOutputStream().write(("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n"
                + "hel").getBytes(StandardCharsets.US_ASCII));
        awaitBusy(s);
        return s;
    }

    /**
     * Waits until the exchange is in flight: echo streams a POST back, so its response head
     * reaches the client (flushed before the server blocks reading the rest of the body) while
     * the body is still incomplete. Returns that head.
     */
    private static String awaitBusy(Socket s) throws Exception {
        return ImageServesIT.readHead(s.getInputStream());
    }

    private void awaitLog(String event) {
        server.awaitOutput(event);
    }

    /** Reads one response with a Content-Length body; returns its head. */
    private static String readResponse(InputStream in) throws Exception {
        String head = ImageServesIT.readHead(in);
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("\r\nContent-Length: (\\d+)\r\n").matcher(head);
        assertTrue(m.find(), head);
        in.readNBytes(Integer.parseInt(m.group(1)));
        return head;
    }

    private static Socket connect(int port) throws Exception {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
        s.setSoTimeout(20_000);
        return s;
    }
}
