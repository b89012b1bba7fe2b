package io.httpd.dist;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The admin listener in the real image: its metrics accepted by Prometheus's own parser
 * ({@code promtool check metrics}, Debian's package prometheus) and counting known traffic,
 * its token required and never logged, and a public address without a token refused.
 */
class AdminIT {
    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");
    private static final String TOKEN = "it-admin-token-5f2c9a1e7b";
    private static final String ECHO_GET = "httpd_requests_total{route=\"/echo\",method=\"GET\",code=\"2xx\"}";
    private static final String ECHO_COUNT = "httpd_request_duration_seconds_count{route=\"/echo\"}";

    @TempDir
    Path dir;
    @RegisterExtension
    final ServedImage image = new ServedImage();

    @Test
    void metricsPassPromtoolAndCountKnownTraffic() throws Exception {
        assertTrue(Files.isExecutable(PROMTOOL),
                "this test needs promtool: apt-get install -y prometheus (.ci/run does)");
        ImageProcess server = image.serve(dir, ImageProcess.ECHO_ON_ANY_PORT + """

                [admin]
                address = "127.0.0.1:0"
                token = "%s"
                """.formatted(TOKEN));
        int port = server.port();
        int admin = server.awaitPorts(2).get(1);
        String bearer = "Authorization: Bearer " + TOKEN;
        assertEquals(401, RawHttp.get(admin, "/metrics").status());
        assertEquals(401, RawHttp.get(admin, "/health", "Authorization: Bearer wrong-token-0000000").status());
        assertEquals(200, RawHttp.get(port, "/echo").status());
        RawHttp before = RawHttp.get(admin, "/metrics", bearer);
        assertEquals(200, before.status(), before.head());
        assertEquals("", promtool(before.text()));
        for (int i = 0; i < 7; i++) {
            assertEquals(200, RawHttp.get(port, "/echo?i=" + i).status());
        }
        assertEquals(400, RawHttp.get(port, "/echo", "Host: second").status());
        assertEquals(200, RawHttp.exchange(admin, "POST", "/reload", bearer,
                "Content-Length: 0").status());
        String after = RawHttp.get(admin, "/metrics", bearer).text();
        assertEquals(sample(before.text(), ECHO_GET) + 7, sample(after, ECHO_GET), after);
        assertEquals(sample(before.text(), ECHO_COUNT) + 7, sample(after, ECHO_COUNT), after);
        assertTrue(sample(after, "httpd_received_bytes_total")
                >= sample(before.text(), "httpd_received_bytes_total") + 7 * 40, after);
        assertTrue(sample(after, "httpd_sent_bytes_total")
                > sample(before.text(), "httpd_sent_bytes_total") + 7 * 100, after);
        assertEquals(1, sample(after, "httpd_rejections_total{reason=\"400\"}"), after);
        assertEquals(1, sample(after, "httpd_reloads_total{result=\"ok\"}"), after);
        for (String family : List.of("httpd_request_duration_seconds histogram",
                "jvm_gc_collections_total counter", "jvm_threads_platform gauge",
                "process_cpu_seconds_total counter", "process_open_fds gauge")) {
            assertTrue(after.contains("\n# TYPE " + family + "\n"), family + "\n" + after);
        }
        assertEquals("", promtool(after));
        assertEquals(200, RawHttp.get(admin, "/ready", bearer).status());
        server.signal("TERM");
        assertEquals(0, server.awaitExit(Duration.ofSeconds(20)));
        assertTrue(server.output().contains("admin.request"), server.output());
        assertFalse(server.output().contains(TOKEN), "the token is never logged:\n"
                + server.output());
        assertFalse(server.output().contains("wrong-token"), server.output());
    }

    /**
     * POST /drain with an upload half sent: readiness turns 503 at once, the upload still
     * finishes and is answered, then the process exits 0 (as on SIGTERM).
     */
    @Test
    void postDrainLetsTheExchangeInFlightFinishThenExitsZero() throws Exception {
        ImageProcess server = image.serve(dir, ImageProcess.ECHO_ON_ANY_PORT + """

                [admin]
                address = "127.0.0.1:0"
                """);
        int port = server.port();
        int admin = server.awaitPorts(2).get(1);
        assertEquals(200, RawHttp.get(admin, "/ready").status());
        try (Socket upload = new Socket(InetAddress.getLoopbackAddress(), port)) {
            upload.setSoTimeout(20_000);
            OutputStream out = upload.getOutputStream();
            out.write(("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 10\r\n"
                    + "Connection: close\r\n\r\nhello").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(200); // the head is read and the exchange is in flight
            assertEquals(202, RawHttp.exchange(admin, "POST", "/drain",
                    "Content-Length: 0").status());
            assertEquals(503, RawHttp.get(admin, "/ready").status());
            out.write("world".getBytes(StandardCharsets.US_ASCII));
            String response = new String(upload.getInputStream().readAllBytes(),
                    StandardCharsets.ISO_8859_1);
            assertTrue(response.startsWith("HTTP/1.1 200 OK\r\n"), response);
            assertTrue(response.endsWith("\r\n\r\nhelloworld"), response);
        }
        assertEquals(0, server.awaitExit(Duration.ofSeconds(20)), server.output());
        assertTrue(server.output().contains("server.stop reason=\"admin drain\""),
                server.output());
    }

    /** The status page in chromium: a hostile route path stays text, its numbers are the JSON's. */
    @Test
    void statusPageInChromiumShowsTheJsonsNumbers() throws Exception {
        ImageProcess server = image.serve(dir, ImageProcess.ANY_PORT + """

                [[route]]
                path = "/<script>alert(1)</script>/"
                handler = "echo"

                [[route]]
                path = "/echo"
                handler = "echo"

                [admin]
                address = "127.0.0.1:0"
                """);
        int port = server.port();
        int admin = server.awaitPorts(2).get(1);
        for (int i = 0; i < 3; i++) {
            assertEquals(200, RawHttp.get(port, "/echo").status());
        }
        assertEquals(200, RawHttp.get(port, "/%3Cscript%3Ealert(1)%3C/script%3E/x").status());
        JsonNode json = JsonMapper.builder().build().readTree(
                RawHttp.get(admin, "/status?format=json").body());
        String dom = Chromium.dumpDom(dir, "http://127.0.0.1:" + admin + "/status");
        assertTrue(dom.contains("<title>status</title>"), "no script ran:\n" + dom);
        assertFalse(dom.contains("<script"), dom);
        Matcher cells = Pattern.compile("<td(?: class=\"n\")? data-key=\"([a-z_]+)\">([^<]*)</td>")
                .matcher(dom);
        List<String> shown = cells.results().map(m -> m.group(1) + "=" + m.group(2)).toList();
        for (String key : List.of("version", "requests_total", "connections_accepted")) {
            assertTrue(shown.contains(key + "=" + json.get(key).asString()), key + " " + shown);
        }
        assertEquals(List.of("route=/&lt;script&gt;alert(1)&lt;/script&gt;/", "requests=1",
                "route=/echo", "requests=3"), shown.stream()
                .filter(c -> c.startsWith("route=") || c.startsWith("requests=")).toList());
        assertEquals(4, json.get("requests_total").asLong());
    }

    @Test
    void aPublicAdminAddressWithoutATokenRefusesToStart() throws Exception {
        Path config = ImageProcess.writeConfig(dir, ImageProcess.ANY_PORT + """

                [admin]
                address = "0.0.0.0:0"
                """);
        ImageProcess.Result r = ImageProcess.run(dir, "-c", config.toString());
        assertEquals(2, r.exit(), r.output());
        assertEquals(config + ":4: admin.token: required when admin.address is not a loopback "
                + "address (a bearer token of at least 16 characters)", r.output().strip());
    }

    /** promtool's complaints about an exposition; empty when it has none. */
    private String promtool(String metrics) throws Exception {
        Process p = new ProcessBuilder(PROMTOOL.toString(), "check", "metrics")
                .redirectErrorStream(true).start();
        p.getOutputStream().write(metrics.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "promtool did not finish");
        return p.exitValue() == 0 ? out.strip() : "exit " + p.exitValue() + ": " + out;
    }

    private static long sample(String metrics, String series) {
        Matcher m = Pattern.compile(Pattern.quote(series) + " (\\d+)").matcher(metrics);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }
}
