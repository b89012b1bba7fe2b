package io.httpd.dist;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The example third-party plugin, dropped into a fresh plugins/ of the real image. */
class DropInPluginIT {
    @TempDir
    Path dir;

    private Path config() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.copy(PluginJars.EXAMPLE, plugins.resolve("greeting.jar"));
        return ImageProcess.writeConfig(dir, ImageProcess.PLUGINS_ON_ANY_PORT + """

                [[route]]
                path = "/hello"
                handler = "greeting"
                greeting = "Hi"
                repeat = 2
                """);
    }

    @Test
    void itServesItsRouteAndLogsThroughTheServersLog() throws Exception {
        Path config = config();
        try (ImageProcess server = ImageProcess.serve(dir, config)) {
            int port = server.port();
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                s.setSoTimeout(10_000);
                s.getOutputStream().write(("GET /hello?name=Ada HTTP/1.1\r\nHost: x\r\n"
                        + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                String response = new String(s.getInputStream().readAllBytes(),
                        StandardCharsets.UTF_8);
                assertTrue(response.startsWith("HTTP/1.1 200 OK\r\n"), response);
                assertTrue(response.endsWith("\r\n\r\nHi, Ada!\nHi, Ada!\n"), response);
            }
            // System.Logger in the plugin → slf4j → the server's logback format
            assertTrue(server.output().lines().anyMatch(l -> l.matches(
                    "\\d{4}-.* INFO  example\\.greeting greeting\\.ready version=.*")),
                    server.output());
            assertTrue(server.output().contains("plugin.load"), server.output());
        }
    }

    /** A plain jar with META-INF/services works too, as an automatic module. */
    @Test
    void aPlainJarWithAServicesFileIsAnAutomaticModule() throws Exception {
        Path config = config();
        Path work = Files.createDirectories(dir.resolve("work"));
        Path jar = PluginJars.plainJar(work, "plain-hello.jar", "io.httpd.api.RouteHandlerProvider",
                "plain.hello.P", Map.of("plain/hello/P.java", """
                        package plain.hello;
                        import io.httpd.api.*;
                        public final class P implements RouteHandlerProvider {
                            public String id() { return "plain"; }
                            public RouteHandler create(PluginConfig c, ServerView s) {
                                return r -> Response.text(Status.OK, "plain jar\\n");
                            }
                        }
                        """));
        Files.copy(jar, dir.resolve("plugins/plain-hello.jar"));
        Files.writeString(config, Files.readString(config)
                + "\n[[route]]\npath = \"/plain\"\nhandler = \"plain\"\n");
        ImageProcess.Result list = ImageProcess.run(dir, "--list-plugins", "-c", config.toString());
        assertTrue(list.output().lines().anyMatch(l -> l.matches(
                "route +plain +plain\\.hello +plugins/plain-hello\\.jar")), list.output());
        try (ImageProcess server = ImageProcess.serve(dir, config)) {
            int port = server.port();
            assertEquals("plain jar\n", RawHttp.get(port, "/plain").text());
        }
    }

    @Test
    void listPluginsNamesItsJar() throws Exception {
        ImageProcess.Result r = ImageProcess.run(dir, "--list-plugins", "-c", config().toString());
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().lines().anyMatch(l -> l.matches(
                "route +greeting +example\\.greeting@\\S+ +plugins/greeting\\.jar")), r.output());
    }

    @Test
    void checkValidatesThePluginsOwnKeys() throws Exception {
        Path config = config();
        Files.writeString(config, Files.readString(config).replace("repeat = 2", "repeat = 20"));
        ImageProcess.Result r = ImageProcess.run(dir, "-t", "-c", config.toString());
        assertEquals(2, r.exit(), r.output());
        assertEquals(config + ":11: route[0].repeat: must be 1 to 10", r.output());
    }
}
