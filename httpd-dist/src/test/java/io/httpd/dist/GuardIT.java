package io.httpd.dist;

import io.httpd.testkit.Await;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The guard plugin in the real image, over real sockets: access rules, a rate limit and basic
 * auth (against a file Apache's own htpasswd wrote), each scoped to its routes; the client
 * behind a trusted proxy's X-Forwarded-For and behind a PROXY header is the one validators judge
 * and the access log records.
 */
class GuardIT {
    @TempDir
    Path dir;
    @RegisterExtension
    final ServedImage image = new ServedImage();
    private int port;
    private int proxied;

    @BeforeEach
    void start() throws Exception {
        proxied = ImageProcess.freePort();
        Files.writeString(dir.resolve("users.htpasswd"), htpasswd("alice", "in wonderland"));
        String config = ImageProcess.behindProxy(0, proxied) + """

                [[route]]
                path = "/admin/"
                handler = "echo"

                [[route]]
                path = "/limited/"
                handler = "echo"

                [[route]]
                path = "/private/"
                handler = "echo"

                [[validator]]
                id = "access"
                routes = ["/admin/"]
                deny = ["127.0.0.0/8", "::1"]

                [[validator]]
                id = "ratelimit"
                routes = ["/limited/"]
                rate = 1
                period = "1m"
                burst = 2

                [[validator]]
                id = "basic-auth"
                routes = ["/private/"]
                htpasswd = "users.htpasswd"
                realm = "private"
                allow_plain = true

                [[access_log]]
                sink = "json"
                path = "access.jsonl"
                """.formatted(proxied);
        port = image.serve(dir, config).port();
    }

    @Test
    void accessRulesJudgeTheClientBehindTheTrustedProxy() throws Exception {
        assertEquals(200, RawHttp.get(port, "/echo").status(), "not in the table's routes");
        assertEquals(403, RawHttp.get(port, "/admin/x").status(), "127.0.0.1 is denied");
        assertEquals(200, RawHttp.get(port, "/admin/x", "X-Forwarded-For: 203.0.113.9").status(),
                "the client behind the trusted 127.0.0.1 is 203.0.113.9");
        assertEquals(403, RawHttp.get(port, "/admin/x",
                "X-Forwarded-For: 203.0.113.9, 127.0.0.5").status(), "right-most untrusted");
        List<JsonNode> log = accessLog(4);
        assertEquals("127.0.0.1", host(log.get(1)));
        assertEquals(403, log.get(1).get("status").asInt());
        assertEquals("access", log.get(1).get("validator").asString(), "who refused it");
        assertEquals(List.of(false, false), List.of(log.get(0).has("validator"),
                log.get(2).has("validator")), "accepted: no validator key");
        assertEquals("203.0.113.9:0", log.get(2).get("client").asString());
        assertTrue(log.get(2).get("peer").asString().startsWith("127.0.0.1:"));
    }

    @Test
    void theRateLimitAnswers429WithRetryAfterOnItsRoutesOnly() throws Exception {
        assertEquals(200, RawHttp.get(port, "/limited/a").status());
        assertEquals(200, RawHttp.get(port, "/limited/a").status());
        RawHttp third = RawHttp.get(port, "/limited/a");
        assertEquals(429, third.status());
        int retry = Integer.parseInt(third.field("Retry-After").orElseThrow());
        assertTrue(retry >= 1 && retry <= 60, "Retry-After: " + retry);
        assertEquals(200, RawHttp.get(port, "/echo").status(), "another route: no limit");
        assertEquals(200, RawHttp.get(port, "/limited/a", "X-Forwarded-For: 198.51.100.1")
                .status(), "another client behind the proxy has its own bucket");
    }

    @Test
    void basicAuthWithAFileFromApachesHtpasswd() throws Exception {
        RawHttp none = RawHttp.get(port, "/private/x");
        assertEquals(401, none.status());
        assertEquals("Basic realm=\"private\", charset=\"UTF-8\"",
                none.field("WWW-Authenticate").orElseThrow());
        assertEquals(401, RawHttp.get(port, "/private/x", basic("alice:in wonderlanD")).status());
        assertEquals(200, RawHttp.get(port, "/private/x", basic("alice:in wonderland")).status());
        assertEquals(200, RawHttp.get(port, "/echo").status(), "other routes need no password");
    }

    @Test
    void aProxyHeaderNamesTheClientInTheLog() throws Exception {
        String response = throughProxyListener("PROXY TCP4 198.51.100.4 127.0.0.1 5555 " + proxied
                + "\r\nGET /echo HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
        assertTrue(response.startsWith("HTTP/1.1 200 OK\r\n"), response);
        response = throughProxyListener("GET /echo HTTP/1.1\r\nHost: t\r\n\r\n");
        assertTrue(response.startsWith("HTTP/1.1 400 Bad Request\r\n"), response);
        assertEquals("198.51.100.4:5555", accessLog(1).getFirst().get("client").asString());
    }

    /** Sends these bytes to the PROXY protocol listener; what came back until it closed. */
    private String throughProxyListener(String request) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), proxied)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String host(JsonNode record) {
        String client = record.get("client").asString();
        return client.substring(0, client.lastIndexOf(':'));
    }

    /** Waits until the log holds this many lines (the sink writes within about a second). */
    private List<JsonNode> accessLog(int lines) throws Exception {
        Path file = dir.resolve("access.jsonl");
        List<String> text = Await.value(() -> Files.exists(file) ? Files.readAllLines(file)
                : List.<String>of(), t -> t.size() >= lines, Duration.ofSeconds(10),
                lines + " access records");
        JsonMapper json = new JsonMapper();
        List<JsonNode> records = new ArrayList<>();
        for (String line : text) {
            records.add(json.readTree(line));
        }
        assertEquals(lines, records.size(), "access log: " + text);
        return records;
    }

    private static String basic(String userAndPassword) {
        return "Authorization: Basic " + Base64.getEncoder().encodeToString(
                userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    /** A line from Debian's htpasswd (apache2-utils); the tests are skipped without it. */
    static String htpasswd(String user, String password) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("htpasswd", "-nbB", "-C", "5", user, password).start();
        } catch (IOException e) {
            Assumptions.abort("htpasswd not found: install apache2-utils");
            throw e;
        }
        String line = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor());
        return line.strip() + "\n";
    }
}
