package io.httpd.dist;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Debian's chromium, headless: the DOM of a page after it rendered (and any script ran). */
final class Chromium {
    private static final Path BINARY = Path.of("/usr/bin/chromium");

    private Chromium() {
    }

    /** The rendered DOM of a URL; {@code work} holds the throwaway profile and chromium's stderr. */
    static String dumpDom(Path work, String url) throws Exception {
        assertTrue(Files.isExecutable(BINARY),
                "this test needs Debian's chromium: apt-get install -y chromium (.ci/run does)");
        Process p = new ProcessBuilder(BINARY.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + work.resolve("chromium-profile"), "--dump-dom", url)
                .redirectError(work.resolve("chromium.err").toFile()).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "chromium did not finish");
        return new String(out, StandardCharsets.UTF_8);
    }
}
