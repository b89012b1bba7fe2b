package io.httpd.core;

import io.httpd.core.http1.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static io.httpd.core.AdminClient.request;
import static io.httpd.core.AdminClient.statusLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The admin token never reaches the log: every event of every logger, DEBUG and TRACE
 * included, captured in-process through a start, a request with a wrong token, requests with
 * the right one (a GET and a reload) and a stop.
 */
class AdminTokenLogTest {
    private static final String TOKEN = "s3cret-admin-token-7d41c0";
    private static final String WRONG = "wrong-admin-token-9f2b77";
    private static final String CONFIG = """
            [[listen]]
            address = "127.0.0.1:0"

            [admin]
            address = "127.0.0.1:0"
            token = "%s"
            """.formatted(TOKEN);

    @TempDir
    Path dir;

    @Test
    void theTokenIsNeverLogged() throws Exception {
        Path file = Files.writeString(dir.resolve("httpd.toml"), CONFIG);
        String log;
        try (LogCapture capture = LogCapture.all()) {
            Httpd httpd = AdminClient.start(file);
            try {
                InetSocketAddress admin = httpd.adminAddresses().getFirst();
                assertEquals("HTTP/1.1 401 Unauthorized", statusLine(request(admin, "GET /health",
                        List.of("Authorization: Bearer " + WRONG))));
                assertEquals("HTTP/1.1 200 OK", statusLine(request(admin, "GET /metrics",
                        List.of("Authorization: Bearer " + TOKEN))));
                assertEquals("HTTP/1.1 200 OK", statusLine(request(admin, "POST /reload",
                        List.of("Authorization: Bearer " + TOKEN, "Content-Length: 0"))));
            } finally {
                httpd.stop(Duration.ofSeconds(2));
            }
            log = capture.text();
        }
        assertTrue(log.contains("server.start"), "the capture saw the start:\n" + log);
        assertTrue(log.contains("admin.request") && log.contains("401"), log);
        assertTrue(log.contains("target=\"/reload\""),
                "DEBUG and INFO events were captured:\n" + log);
        assertFalse(log.contains(TOKEN), log);
        assertFalse(log.contains(WRONG), "nor a wrong one:\n" + log);
        assertFalse(log.contains("Bearer"), log);
    }
}
