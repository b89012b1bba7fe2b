package io.httpd.core;

import io.httpd.api.PluginConfig;
import io.httpd.api.Response;
import io.httpd.api.RouteHandler;
import io.httpd.api.RouteHandlerProvider;
import io.httpd.api.ServerView;
import io.httpd.api.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static io.httpd.core.AdminClient.get;
import static io.httpd.core.AdminClient.request;
import static io.httpd.core.AdminClient.sample;
import static io.httpd.core.AdminClient.statusLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The admin listener over real sockets: health, readiness through a drain, Prometheus request
 * counts, the bearer token, and a data port at its connection cap leaving it answering.
 */
class AdminListenerTest {
    private static final String TOKEN = "0123456789abcdef-token";

    @TempDir
    Path dir;
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch inFlight = new CountDownLatch(1);
    private final List<Socket> held = new ArrayList<>();
    private Httpd httpd;
    /** Not the common pool: on two cores it runs one task at a time. */
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    /** "hello" answers at once; "hold" waits for the test to release it. */
    private final class Provider implements RouteHandlerProvider {
        private final String id;

        Provider(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public RouteHandler create(PluginConfig config, ServerView server) {
            if (id.equals("flaky")) {
                return new RouteHandler() {
                    @Override
                    public Response handle(io.httpd.api.Request r) {
                        return Response.text(Status.OK, "flaky\n");
                    }

                    @Override
                    public void reload() throws java.io.IOException {
                        throw new java.io.IOException("cannot reopen");
                    }
                };
            }
            return id.equals("hello") ? r -> Response.text(Status.OK, "hello\n") : r -> {
                inFlight.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Response.text(Status.OK, "held\n");
            };
        }
    }

    private Httpd start(String extra) throws Exception {
        Path file = dir.resolve("httpd.toml");
        Files.writeString(file, AdminClient.HELLO_ON_ANY_PORT + """

                [[route]]
                path = "/hold"
                handler = "hold"
                """ + extra);
        httpd = AdminClient.start(file, new Provider("hello"), new Provider("hold"),
                new Provider("flaky"));
        return httpd;
    }

    @AfterEach
    void stop() throws Exception {
        release.countDown();
        for (Socket s : held) {
            s.close();
        }
        if (httpd != null) {
            httpd.stop(Duration.ofSeconds(5));
        }
        threads.shutdownNow();
    }

    @Test
    void healthAndReadyAnswerOnTheirOwnPort() throws Exception {
        start("[admin]\naddress = \"127.0.0.1:0\"\n");
        InetSocketAddress admin = httpd.adminAddresses().getFirst();
        assertEquals(1, httpd.adminAddresses().size());
        assertTrue(admin.getPort() != httpd.addresses().getFirst().getPort());
        assertEquals("HTTP/1.1 200 OK", statusLine(get(admin, "/health")));
        assertTrue(get(admin, "/health").endsWith("\r\n\r\nok\n"));
        assertTrue(get(admin, "/ready").endsWith("\r\n\r\nready\n"));
        assertEquals("HTTP/1.1 404 Not Found", statusLine(get(httpd.addresses().getFirst(),
                "/health")), "the data port has no admin routes");
    }

    /** Seven requests to /hello show as seven more in httpd_requests_total. */
    @Test
    void metricsCountRequestsByRouteMethodAndStatusClass() throws Exception {
        start("[admin]\naddress = \"127.0.0.1:0\"\n");
        InetSocketAddress admin = httpd.adminAddresses().getFirst();
        InetSocketAddress data = httpd.addresses().getFirst();
        get(data, "/missing");
        String before = get(admin, "/metrics");
        assertTrue(before.contains("Content-Type: text/plain; version=0.0.4; charset=utf-8\r\n"),
                before);
        assertEquals(0, sample(before, "httpd_requests_total{route=\"/hello\",method=\"GET\","
                + "code=\"2xx\"}"));
        for (int i = 0; i < 7; i++) {
            get(data, "/hello");
        }
        String after = get(admin, "/metrics");
        assertEquals(7, sample(after, "httpd_requests_total{route=\"/hello\",method=\"GET\","
                + "code=\"2xx\"}"));
        assertEquals(1, sample(after, "httpd_requests_total{route=\"none\",method=\"GET\","
                + "code=\"4xx\"}"));
        assertEquals(8, sample(after, "httpd_connections_accepted_total"), "admin not counted");
        assertTrue(after.contains("# TYPE httpd_requests_total counter\n"), after);
        assertTrue(after.contains("httpd_build_info{version=\"" + Version.current() + "\""), after);
    }

    /** Readiness turns 503 at once when shutdown begins, while an exchange still runs. */
    @Test
    void readyIsServiceUnavailableWhileDraining() throws Exception {
        start("[admin]\naddress = \"127.0.0.1:0\"\n");
        InetSocketAddress admin = httpd.adminAddresses().getFirst();
        CompletableFuture<String> held = CompletableFuture.supplyAsync(() -> {
            try {
                return get(httpd.addresses().getFirst(), "/hold");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, threads);
        assertTrue(inFlight.await(10, TimeUnit.SECONDS));
        Httpd stopping = httpd;
        CompletableFuture<Integer> stop = CompletableFuture.supplyAsync(() -> {
            try {
                return stopping.stop(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, threads);
        String ready = awaitStatus(admin, "/ready", "HTTP/1.1 503 Service Unavailable");
        assertTrue(ready.endsWith("\r\n\r\ndraining\n"), ready);
        assertEquals("HTTP/1.1 200 OK", statusLine(get(admin, "/health")));
        release.countDown();
        assertTrue(held.get(10, TimeUnit.SECONDS).endsWith("\r\n\r\nheld\n"));
        assertEquals(0, stop.get(10, TimeUnit.SECONDS), "no exchange was cut");
        httpd = null;
    }

    /** POST /drain starts the process's own stop (as SIGTERM does) and readiness turns 503. */
    @Test
    void postDrainStartsTheStop() throws Exception {
        start("[admin]\naddress = \"127.0.0.1:0\"\n");
        CountDownLatch stopRequested = new CountDownLatch(1);
        httpd.onDrainRequest(stopRequested::countDown);
        InetSocketAddress admin = httpd.adminAddresses().getFirst();
        String get = get(admin, "/drain");
        assertEquals("HTTP/1.1 405 Method Not Allowed", statusLine(get));
        assertTrue(get.contains("\r\nAllow: OPTIONS, POST\r\n"), get);
        assertEquals(1, stopRequested.getCount(), "a GET drains nothing");
        String post = request(admin, "POST /drain", List.of("Content-Length: 0"));
        assertEquals("HTTP/1.1 202 Accepted", statusLine(post));
        assertTrue(stopRequested.await(5, TimeUnit.SECONDS));
        assertEquals("HTTP/1.1 503 Service Unavailable", statusLine(get(admin, "/ready")));
    }

    /**
     * POST /reload does what SIGHUP does, answers with the result and counts it by result: the new generation, what
     * changed, and the instances whose own reload() failed.
     */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            hello | HTTP/1.1 200 OK                    | 'reloaded: generation 2 in \\d+ ms\\ninstances: 0 created, 3 carried over' | ok
            flaky | HTTP/1.1 500 Internal Server Error | 'reloaded: generation 2 in \\d+ ms\\ninstances: 0 created, 3 carried over\\nreload failed: flaky' | failed
            """)
    void postReloadAnswersWithItsResult(String handler, String status, String body, String result)
            throws Exception {
        start("[[route]]\npath = \"/x\"\nhandler = \"" + handler
                + "\"\n\n[admin]\naddress = \"127.0.0.1:0\"\n");
        String response = request(httpd.adminAddresses().getFirst(), "POST /reload",
                List.of("Content-Length: 0"));
        assertEquals(status, statusLine(response));
        String content = response.substring(response.indexOf("\r\n\r\n") + 4);
        assertTrue(content.matches(body.replace("\\n", "\n") + "\n"), content);
        String metrics = get(httpd.adminAddresses().getFirst(), "/metrics");
        assertEquals(1, sample(metrics, "httpd_reloads_total{result=\"" + result + "\"}"), metrics);
        assertEquals(1, metrics.lines().filter(l -> l.startsWith("httpd_reloads_total{")
                && l.endsWith(" 1")).count(), metrics);
    }

    /** GET /status: per-route counts and reloads, as JSON and as an escaped page. */
    @Test
    void statusShowsRoutesAndReloadsAsJsonAndHtml() throws Exception {
        start("[[route]]\npath = \"/<i>x</i>\"\nhandler = \"hello\"\n\n"
                + "[admin]\naddress = \"127.0.0.1:0\"\n");
        InetSocketAddress admin = httpd.adminAddresses().getFirst();
        InetSocketAddress data = httpd.addresses().getFirst();
        for (int i = 0; i < 3; i++) {
            get(data, "/hello");
        }
        assertEquals("HTTP/1.1 200 OK", statusLine(get(data, "/%3Ci%3Ex%3C/i%3E")));
        request(admin, "POST /reload", List.of("Content-Length: 0"));
        String json = get(admin, "/status?format=json");
        assertTrue(json.contains("\r\nContent-Type: application/json\r\n"), json);
        String body = json.substring(json.indexOf("\r\n\r\n") + 4);
        assertTrue(body.contains("\"routes\":[{\"route\":\"/<i>x</i>\",\"requests\":1},"
                + "{\"route\":\"/hello\",\"requests\":3}]"), body);
        assertTrue(body.contains("\"requests_total\":4,"), body);
        assertTrue(body.matches(".*\"reloads\":\\[\\{\"time\":\"[^\"]+\",\"result\":\"ok\"}].*"),
                body);
        String html = get(admin, "/status");
        assertTrue(html.contains("\r\nContent-Type: text/html; charset=utf-8\r\n"), html);
        assertTrue(html.contains("<td data-key=\"route\">/&lt;i&gt;x&lt;/i&gt;</td>"
                + "<td class=\"n\" data-key=\"requests\">1</td>"), html);
        assertTrue(!html.contains("<i>"), html);
    }

    /** The data port at its connection cap: the admin port has its own and still answers. */
    @Test
    void aDataPortAtItsCapLeavesHealthAnswering() throws Exception {
        start("[limits]\nconnections = 2\n\n[admin]\naddress = \"127.0.0.1:0\"\n");
        InetSocketAddress data = httpd.addresses().getFirst();
        for (int i = 0; i < 4; i++) {
            Socket s = new Socket(data.getAddress(), data.getPort()); // idle: hold a permit
            held.add(s);
        }
        assertEquals("HTTP/1.1 200 OK", statusLine(get(httpd.adminAddresses().getFirst(),
                "/health")));
    }

    @ParameterizedTest(name = "[{index}] Authorization: {0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NONE", textBlock = """
            NONE                                  | 401
            Bearer                                | 401
            Bearer wrong-token-wrong-token        | 401
            Bearer 0123456789abcdef-toke          | 401
            Bearer 0123456789abcdef-token-        | 401
            Basic 0123456789abcdef-token          | 401
            Bearer 0123456789abcdef-token         | 200
            bearer 0123456789abcdef-token         | 200
            """)
    void aTokenIsRequiredWhenConfigured(String authorization, int status) throws Exception {
        start("[admin]\naddress = \"127.0.0.1:0\"\ntoken = \"" + TOKEN + "\"\n");
        String response = request(httpd.adminAddresses().getFirst(), "GET /metrics",
                authorization == null ? List.of() : List.of("Authorization: " + authorization));
        assertEquals(status, Integer.parseInt(statusLine(response).substring(9, 12)), response);
        if (status == 401) {
            assertTrue(response.contains("\r\nWWW-Authenticate: Bearer realm=\"httpd admin\"\r\n"),
                    response);
            assertTrue(!response.contains(TOKEN), response);
        }
    }

    private static String awaitStatus(InetSocketAddress admin, String path, String status)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String response = get(admin, path);
        while (!statusLine(response).equals(status) && System.nanoTime() < deadline) {
            Thread.sleep(10);
            response = get(admin, path);
        }
        return response;
    }
}
