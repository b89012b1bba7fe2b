package io.httpd.dist;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The soak of {@code bench/soak.sh} against the image, shortened to 1 M requests
 * ({@code -Dhttpd.soak.requests}): keep-alive requests over echo, static (200, 304, 206) and
 * errors (404, 405, 400, 413), a new connection every 100, with no status other than each
 * request's own, no socket error, and no open descriptors, RSS, heap after GC or threads at
 * the end above 1.2 x their value at a quarter of the run. Needs wrk; skipped without it.
 */
class SoakIT {
    static final long REQUESTS = Long.getLong("httpd.soak.requests", 1_000_000);

    @Test
    void aMillionMixedRequestsLeaveNothingBehind() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/wrk")), "wrk is not installed");
        Path script = Path.of("bench/soak.sh").toAbsolutePath();
        Process soak = new ProcessBuilder(script.toString(), Long.toString(REQUESTS),
                ImageProcess.IMAGE.toString()).redirectErrorStream(true).start();
        String output; // the script bounds itself: wrk runs at most REQUESTS / 2000 + 30 s
        try (var in = soak.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(soak.waitFor(30, TimeUnit.SECONDS), output);
        System.out.println(output);
        assertEquals(0, soak.exitValue(), output);
        assertTrue(output.contains("soak ok"), output);
    }
}
