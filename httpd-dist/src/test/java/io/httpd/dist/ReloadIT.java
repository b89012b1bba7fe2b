package io.httpd.dist;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SIGHUP reloads the real image: httpd.toml read again and swapped in whole under load, with
 * the echo and file access-log plugins; a broken config changes nothing.
 */
class ReloadIT {
    @TempDir
    Path dir;
    private ImageProcess server;
    private int port;
    private Path config;

    private static String config(String gen, String extra) {
        return """
                [server]
                name = "gen-%1$s"

                [[listen]]
                address = "127.0.0.1:0"

                [limits]
                body_bytes = "%2$s"

                [[route]]
                path = "/echo"
                handler = "echo"

                [[route]]
                path = "/only-%1$s"
                handler = "echo"

                [[access_log]]
                sink = "file"
                path = "access.log"
                format = "%3$s"
                """.formatted(gen, gen.equals("A") ? "100MiB" : "200MiB",
                gen.equals("A") ? "combined" : "common") + extra;
    }

    private void start(String text) throws Exception {
        config = ImageProcess.writeConfig(dir, text);
        server = ImageProcess.start(dir, "-c", config.toString());
        port = server.awaitPort(Duration.ofSeconds(20));
    }

    /** Writes the config whole (a reload never reads half a file), sends SIGHUP, waits for it. */
    private String hangup(String text) throws Exception {
        Path tmp = dir.resolve("next.toml");
        Files.writeString(tmp, text);
        Files.move(tmp, config, StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        long before = reloadEvents();
        server.signal("HUP");
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (reloadEvents() == before && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        // the reload's own event, the last of them: other events may come after it
        // (socket.calls, a second after start)
        return server.output().lines().filter(ReloadIT::isReloadEvent)
                .reduce((first, second) -> second).orElse("no reload event");
    }

    private long reloadEvents() {
        return server.output().lines().filter(ReloadIT::isReloadEvent).count();
    }

    private static boolean isReloadEvent(String line) {
        return line.contains(" server.reload ") || line.contains(" server.reload_failed generation=");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void reloadsUnderKeepAliveLoadDropNothingAndLogEachResponseOnce() throws Exception {
        start(config("A", ""));
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong genA = new AtomicLong();
        AtomicLong genB = new AtomicLong();
        List<Future<String>> clients = new ArrayList<>();
        int reloads = 0;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 16; i++) {
                clients.add(threads.submit(() -> ask(running, genA, genB)));
            }
            long end = System.nanoTime() + Duration.ofSeconds(8).toNanos();
            try {
                while (System.nanoTime() < end) {
                    Thread.sleep(500);
                    String event = hangup(config(reloads % 2 == 0 ? "B" : "A", ""));
                    assertTrue(event.contains(" server.reload generation="), event);
                    reloads++;
                }
            } finally {
                running.set(false); // a failed assertion must not leave the clients running
            }
            for (Future<String> f : clients) {
                assertEquals("ok", f.get());
            }
        }
        server.signal("TERM");
        assertEquals(0, server.awaitExit(Duration.ofSeconds(30)), server.output());
        List<String> lines = Files.readAllLines(dir.resolve("access.log"));
        long combined = lines.stream().filter(l -> l.endsWith("\"-\" \"-\"")).count();
        assertEquals(genA.get() + genB.get(), lines.size(), "one line per response");
        assertEquals(genA.get(), combined, "combined lines = generation A's responses");
        assertTrue(genA.get() > 100 && genB.get() > 100 && reloads >= 4,
                genA + " " + genB + " " + reloads);
    }

    /** Keep-alive GET /echo until told to stop; "ok", or what went wrong. */
    private String ask(AtomicBoolean running, AtomicLong genA, AtomicLong genB)
            throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            InputStream in = new java.io.BufferedInputStream(s.getInputStream());
            byte[] request = "GET /echo HTTP/1.1\r\nHost: t\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
            while (running.get()) {
                out.write(request);
                String head = head(in);
                if (!head.startsWith("HTTP/1.1 200 ")) {
                    return head;
                }
                int at = head.indexOf("\r\nContent-Length: ") + 18;
                in.readNBytes(Integer.parseInt(head.substring(at, head.indexOf('\r', at))));
                (head.contains("\r\nServer: gen-A\r\n") ? genA : genB).incrementAndGet();
            }
        }
        return "ok";
    }

    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("closed inside a head: " + head);
            }
            head.write(c);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** A 64 MiB POST echoed back while three reloads run arrives whole. */
    @Test
    void aLongEchoSpansReloads() throws Exception {
        start(config("A", ""));
        byte[] content = new byte[64 * 1024 * 1024];
        new java.util.Random(7).nextBytes(content);
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(20_000);
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    s.getOutputStream().write(("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: "
                            + content.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    for (int off = 0; off < content.length; off += 1 << 20) {
                        s.getOutputStream().write(content, off, 1 << 20);
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            InputStream in = new java.io.BufferedInputStream(s.getInputStream());
            String head = head(in);
            assertTrue(head.startsWith("HTTP/1.1 200 "), head);
            byte[] echoed = new byte[content.length];
            int got = in.readNBytes(echoed, 0, 1 << 20);
            for (int i = 0; i < 3; i++) {
                assertTrue(hangup(config(i % 2 == 0 ? "B" : "A", "")).contains(" server.reload "));
                got += in.readNBytes(echoed, got, 1 << 20);
            }
            got += in.readNBytes(echoed, got, content.length - got);
            writer.join();
            assertEquals(content.length, got);
            assertArrayEquals(content, echoed);
        }
    }

    /** Each broken config is refused with its errors named; the old one serves on. */
    @Test
    void aBrokenConfigChangesNothing() throws Exception {
        start(config("A", ""));
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String[][] broken = {
                {config("B", "[[route]]\npath = \"/x\n"), "httpd.toml:23: invalid TOML"},
                {config("B", "[[route]]\npath = \"/x\"\nhandler = \"eho\"\n"),
                    "httpd.toml:24: route[2].handler: no route handler 'eho'"},
                {config("B", "[[listen]]\naddress = \"127.0.0.1:" + taken.getLocalPort() + "\"\n"),
                    "listen: cannot listen on 127.0.0.1:" + taken.getLocalPort()},
            };
            for (String[] b : broken) {
                String event = hangup(b[0]);
                assertTrue(event.contains("server.reload_failed generation=\"1\""), event);
                assertTrue(server.output().contains(b[1]), b[1] + " not in:\n" + server.output());
                RawHttp r = RawHttp.get(port, "/only-A");
                assertEquals("gen-A", r.field("Server").orElseThrow());
            }
        }
        assertTrue(hangup(config("B", "")).contains(" server.reload generation=\"2\""));
        assertEquals("gen-B", RawHttp.get(port, "/only-B").field("Server").orElseThrow());
        assertEquals(404, RawHttp.get(port, "/only-A").status());
    }

    /**
     * The plugin upgrade with the real example plugin: its jar, then a build of its own
     * sources with another default greeting, swapped in turn by SIGHUP; each reload loads the
     * new jar and the next request has its greeting.
     */
    @Test
    void theExamplePluginsJarReplacedByAnotherBuildServesItsGreetingAfterHup() throws Exception {
        Path howdy = exampleBuild("Howdy");
        Path jar = Files.createDirectories(dir.resolve("plugins")).resolve("greeting.jar");
        Files.copy(PluginJars.EXAMPLE, jar);
        String text = ImageProcess.PLUGINS_ON_ANY_PORT
                + "\n[[route]]\npath = \"/hello\"\nhandler = \"greeting\"\n";
        start(text);
        assertEquals("Hello, world!\n", RawHttp.get(port, "/hello").text());
        for (int i = 1; i <= 4; i++) {
            Path build = i % 2 == 1 ? howdy : PluginJars.EXAMPLE;
            Path tmp = Files.copy(build, dir.resolve("next.jar"));
            Files.setLastModifiedTime(tmp, FileTime.fromMillis(1_700_000_000_000L + i * 1000L));
            Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING);
            String event = hangup(text);
            assertTrue(event.contains(" server.reload ") && event.contains("plugins_upgraded"),
                    event);
            assertEquals((i % 2 == 1 ? "Howdy" : "Hello") + ", world!\n",
                    RawHttp.get(port, "/hello").text());
        }
    }

    /** The example plugin compiled from its sources with {@code "Hello"} replaced. */
    private Path exampleBuild(String greeting) throws IOException {
        Path sources = PluginJars.EXAMPLE.getParent().getParent().resolve("src/main/java");
        Map<String, String> files = new HashMap<>();
        try (Stream<Path> walk = Files.walk(sources)) {
            for (Path f : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
                files.put(sources.relativize(f).toString(),
                        Files.readString(f).replace("\"Hello\"", "\"" + greeting + "\""));
            }
        }
        Path work = Files.createDirectories(dir.resolve("work"));
        return PluginJars.module(work, "greeting-" + greeting + ".jar", files, PluginJars.api());
    }
}
