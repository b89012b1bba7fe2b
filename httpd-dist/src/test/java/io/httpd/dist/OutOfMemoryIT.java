package io.httpd.dist;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A handler that exhausts the heap: the image exits at once, loudly (the launcher's
 * {@code -XX:+ExitOnOutOfMemoryError}: exit code 3 and one line naming the error), rather than
 * serve on half-alive: after a real OutOfMemoryError any thread (an acceptor, an access-log
 * writer) may have died with it. A service manager restarts it ({@code conf/httpd.service}:
 * {@code Restart=on-failure}).
 */
class OutOfMemoryIT {
    @TempDir
    Path dir;

    @Test
    void aHandlerThatExhaustsTheHeapMakesTheServerExitLoudly() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        PluginJars.module(dir, "hog.jar", Map.of(
                "module-info.java", "module test.hog { requires io.httpd.api; "
                        + "provides io.httpd.api.RouteHandlerProvider with test.hog.P; }",
                "test/hog/P.java", """
                        package test.hog;
                        import io.httpd.api.*;
                        import java.util.*;
                        public final class P implements RouteHandlerProvider {
                          public String id() { return "hog"; }
                          public RouteHandler create(PluginConfig c, ServerView s) {
                            return r -> {
                              List<long[]> held = new ArrayList<>();
                              while (true) { held.add(new long[1 << 20]); }
                            };
                          }
                        }
                        """), PluginJars.api());
        Files.move(dir.resolve("hog.jar"), plugins.resolve("hog.jar"));
        Path config = ImageProcess.writeConfig(dir, ImageProcess.PLUGINS_ON_ANY_PORT
                + ImageProcess.ECHO_ROUTE + """

                [[route]]
                path = "/hog"
                handler = "hog"
                """);
        try (ImageProcess server = ImageProcess.startUnder(
                List.of("env", "HTTPD_JAVA_OPTS=-Xmx64m"), dir, "-c", config.toString())) {
            int port = server.awaitPort(Duration.ofSeconds(20));
            assertTrue(get(port, "/echo").startsWith("HTTP/1.1 200 OK\r\n"));
            assertEquals("", get(port, "/hog"), "no response: the process is gone");
            assertEquals(3, server.awaitExit(Duration.ofSeconds(30)), server.output());
            assertTrue(server.output().contains(
                    "Terminating due to java.lang.OutOfMemoryError: Java heap space"),
                    server.output());
        }
    }

    private static String get(int port, String path) throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(30_000);
            s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: t\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
