package io.httpd.core;

import io.httpd.api.Response;
import io.httpd.api.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static io.httpd.core.AdminClient.exchange;
import static io.httpd.core.AdminClient.get;
import static io.httpd.core.AdminClient.route;
import static io.httpd.core.AdminClient.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /metrics} against known traffic over real sockets: the request-duration histogram per
 * route, bytes in and out, and rejections by reason.
 */
class AdminMetricsTest {
    private static final String DURATION = "httpd_request_duration_seconds";

    @TempDir
    Path dir;
    private Httpd httpd;
    private InetSocketAddress data;
    private InetSocketAddress admin;

    @BeforeEach
    void start() throws Exception {
        Path file = dir.resolve("httpd.toml");
        Files.writeString(file, AdminClient.HELLO_ON_ANY_PORT + """

                [limits]
                header_timeout = "1s"

                [admin]
                address = "127.0.0.1:0"
                """);
        httpd = AdminClient.start(file,
                route("hello", r -> Response.text(Status.OK, "hello\n")));
        data = httpd.addresses().getFirst();
        admin = httpd.adminAddresses().getFirst();
    }

    @AfterEach
    void stop() throws Exception {
        httpd.stop(Duration.ofSeconds(5));
    }

    /** Seven requests: the route's histogram counts seven more; bytes grow by what went each way. */
    @Test
    void sevenRequestsShowInTheHistogramAndTheByteCounts() throws Exception {
        String route = "{route=\"/hello\"}";
        String before = get(admin, "/metrics");
        assertEquals(0, sample(before, DURATION + "_count" + route), before);
        byte[] request = "GET /hello HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII);
        long answered = 0;
        for (int i = 0; i < 7; i++) {
            String response = exchange(data, request);
            assertTrue(response.endsWith("\r\n\r\nhello\n"), response);
            answered += response.length();
        }
        String after = get(admin, "/metrics");
        assertEquals(7, sample(after, DURATION + "_count" + route), after);
        assertEquals(7, sample(after, DURATION + "_bucket{route=\"/hello\",le=\"+Inf\"}"), after);
        assertTrue(sum(after, DURATION + "_sum" + route) > 0, after);
        assertEquals(7L * request.length, sample(after, "httpd_received_bytes_total")
                - sample(before, "httpd_received_bytes_total"), "exactly the requests' bytes");
        assertEquals(answered, sample(after, "httpd_sent_bytes_total")
                - sample(before, "httpd_sent_bytes_total"), "exactly the responses' bytes");
    }

    /**
     * Each rejection counts once under its reason: the status sent, or how the connection
     * closed without one. Rules: RFC 9112 §3.2 (Host), §3 (request line), §2.6 (version),
     * §6.1 (transfer coding); a head cut short or never started gets no response.
     */
    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            GET / HTTP/1.1\\r\\n\\r\\n                                      | 400
            GET / HTTP/2.0\\r\\nHost: t\\r\\n\\r\\n                         | 505
            POST /hello HTTP/1.1\\r\\nHost: t\\r\\nTransfer-Encoding: gzip, chunked\\r\\n\\r\\n | 501
            GET /LONG HTTP/1.1\\r\\nHost: t\\r\\n\\r\\n                     | 414
            GET / HTTP/1.1\\r\\nHost: t\\r\\n                               | 408
            WAIT                                                         | header_timeout
            GET / HTTP/1.1\\r\\nHost: t\\r\\nCLOSE                          | incomplete_head
            """)
    void rejectionsAreCountedByReason(String bytes, String reason) throws Exception {
        String series = "httpd_rejections_total{reason=\"" + reason + "\"}";
        long before = sample(get(admin, "/metrics"), series);
        try (Socket s = new Socket(data.getAddress(), data.getPort())) {
            s.setSoTimeout(10_000);
            String sent = bytes.replace("\\r\\n", "\r\n").replace("/LONG", "/" + "a".repeat(9000));
            if (!sent.equals("WAIT")) {
                s.getOutputStream().write(sent.replace("CLOSE", "")
                        .getBytes(StandardCharsets.US_ASCII));
            }
            if (sent.endsWith("CLOSE")) {
                s.shutdownOutput();
            }
            String response = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            if (Character.isDigit(reason.charAt(0))) {
                assertTrue(response.startsWith("HTTP/1.1 " + reason + " "), response);
            } else {
                assertEquals("", response, "closed without a response");
            }
        }
        assertEquals(before + 1, awaitSample(series, before + 1));
    }

    private long awaitSample(String series, long expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        long n = sample(get(admin, "/metrics"), series);
        while (n < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
            n = sample(get(admin, "/metrics"), series);
        }
        return n;
    }

    private static double sum(String metrics, String series) {
        return metrics.lines().filter(l -> l.startsWith(series + " ")).findFirst()
                .map(l -> Double.parseDouble(l.substring(series.length() + 1))).orElse(0.0);
    }
}
