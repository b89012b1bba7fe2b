package io.httpd.dist;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample site an operator lands on at first start, served by the shipped config (its port
 * aside) from a copy of the image's layout, rendered by Debian's headless chromium: it has its
 * title, every link it shows resolves, it loads nothing from elsewhere, and it draws a page.
 */
class WelcomePageBrowserIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Pattern HREF_OR_SRC = Pattern.compile("(?:href|src)=\"([^\"]*)\"");

    @TempDir
    Path dir;

    @Test
    void theWelcomePageRendersAndEveryLinkResolves() throws Exception {
        assertTrue(Files.isExecutable(CHROMIUM),
                "this test needs Debian's chromium: apt-get install -y chromium (.ci/run does)");
        try (ImageProcess server = startShippedConfig()) {
            int port = server.awaitPort(Duration.ofSeconds(20));
            String base = "http://127.0.0.1:" + port;
            String dom = chromium("--dump-dom", base + "/");
            assertTrue(dom.contains("<title>httpd is running</title>"), dom);
            List<String> targets = HREF_OR_SRC.matcher(dom).results().map(m -> m.group(1)).toList();
            assertTrue(targets.containsAll(List.of("/echo?hello=world", "/info", "/README.txt",
                    "/favicon.ico")), targets.toString());
            for (String target : targets) {
                assertTrue(target.startsWith("/"), "self-contained, nothing from elsewhere: " + target);
                RawHttp r = RawHttp.get(port, target);
                assertEquals(200, r.status(), target + "\n" + r.head());
            }
            Path shot = dir.resolve("welcome.png");
            chromium("--window-size=1100,1300", "--screenshot=" + shot, base + "/");
            assertTrue(Files.size(shot) > 20_000, "a page was drawn: " + Files.size(shot));
            Files.copy(shot, Files.createDirectories(Path.of("target/screenshots"))
                    .resolve("welcome.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void theFaviconIsAnIconNotA404() throws Exception {
        try (ImageProcess server = startShippedConfig()) {
            RawHttp r = RawHttp.get(server.awaitPort(Duration.ofSeconds(20)), "/favicon.ico");
            assertEquals(200, r.status(), r.head());
            assertTrue(r.head().contains("Content-Type: image/vnd.microsoft.icon"), r.head());
            assertArrayEquals(new byte[] {0, 0, 1, 0}, java.util.Arrays.copyOf(r.body(), 4));
        }
    }

    /** The image's conf/ and www/ copied beside empty logs/ and plugins/, listening on port 0. */
    private ImageProcess startShippedConfig() throws IOException {
        copyTree(ImageProcess.IMAGE.resolve("www"), dir.resolve("www"));
        Files.createDirectories(dir.resolve("conf"));
        Files.createDirectories(dir.resolve("logs"));
        Files.createDirectories(dir.resolve("plugins"));
        String shipped = Files.readString(ImageProcess.IMAGE.resolve("conf/httpd.toml"));
        // both listeners on free ports: a fixed admin port (9090) collides with any other
        // image on the machine, another build's tests among them
        String config = shipped.replaceFirst("address = \"0\\.0\\.0\\.0:8080\"",
                "address = \"127.0.0.1:0\"").replace("127.0.0.1:9090", "127.0.0.1:0");
        assertFalse(config.contains(":8080") || config.contains(":9090"), config);
        Path file = Files.writeString(dir.resolve("conf/httpd.toml"), config);
        return ImageProcess.start(dir, "-c", file.toString());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }

    private String chromium(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(CHROMIUM.toString(), "--headless",
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--hide-scrollbars", "--user-data-dir=" + dir.resolve("chromium-profile")));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command)
                .redirectError(dir.resolve("chromium.err").toFile()).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "chromium did not finish");
        return new String(out, StandardCharsets.UTF_8);
    }
}
