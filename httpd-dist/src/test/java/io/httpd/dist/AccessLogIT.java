package io.httpd.dist;

import io.httpd.testkit.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The access-log sinks in the real image: exact lines, rotation and shutdown under load. */
class AccessLogIT {
    @TempDir
    Path dir;
    @RegisterExtension
    final ServedImage image = new ServedImage();
    private ImageProcess server;
    private int port;

    private void start(String logPath) throws Exception {
        String config = ImageProcess.ECHO_ON_ANY_PORT + """

                [[access_log]]
                sink = "file"
                path = "%s"

                [[access_log]]
                sink = "json"
                path = "access.jsonl"
                """.formatted(logPath);
        server = image.serve(dir, config);
        port = server.port();
    }

    /** Apache's Combined format, its escaping of quotes, backslashes and non-ASCII bytes. */
    @Test
    void combinedLinesAreApachesAndJsonLinesParse() throws Exception {
        start("access.log");
        RawHttp r = RawHttp.get(port, "/echo?q=\"x\\y\"", "Referer: http://r.example/",
                "User-Agent: Mozilla \"evil\" \\ \u00e9");
        assertEquals(200, r.status());
        stopServer();
        String line = Files.readString(dir.resolve("access.log"), StandardCharsets.ISO_8859_1);
        String bytes = r.field("Content-Length").orElseThrow();
        assertTrue(line.matches("127\\.0\\.0\\.1 - - \\[\\d\\d/\\w{3}/\\d{4}:\\d\\d:\\d\\d:\\d\\d [+-]\\d{4}] "
                + java.util.regex.Pattern.quote("\"GET /echo?q=\\\"x\\\\y\\\" HTTP/1.1\" 200 " + bytes
                + " \"http://r.example/\" \"Mozilla \\\"evil\\\" \\\\ \\xe9\"") + "\n"), line);
        JsonNode json = new JsonMapper().readTree(Files.readString(dir.resolve("access.jsonl")));
        assertEquals("GET", json.get("method").asString());
        assertEquals("/echo?q=\"x\\y\"", json.get("target").asString());
        assertEquals(200, json.get("status").asInt());
        assertEquals("/echo", json.get("route").asString());
        assertTrue(json.get("client").asString().startsWith("127.0.0.1:"));
    }

    /** Under light load a record reaches its file within a second, while the server runs. */
    @Test
    void aRecordReachesItsFileWithinASecond() throws Exception {
        start("access.log");
        assertEquals(200, RawHttp.get(port, "/echo?light=1").status());
        long answered = System.nanoTime();
        Path log = dir.resolve("access.log");
        while (System.nanoTime() - answered < Duration.ofSeconds(1).toNanos()
                && !Files.readString(log).contains("/echo?light=1")) {
            Thread.sleep(10);
        }
        assertTrue(Files.readString(log).contains("\"GET /echo?light=1 HTTP/1.1\" 200"),
                "not in the file a second after the response");
    }

    /** logrotate's create: rename, SIGHUP, and every request is in the old or the new file. */
    @Test
    void aHangupRotationUnderLoadLosesNothing() throws Exception {
        start("access.log");
        int clients = 4;
        int each = 500;
        CountDownLatch halfway = new CountDownLatch(clients);
        CountDownLatch resume = new CountDownLatch(1);
        Set<String> answered = ConcurrentHashMap.newKeySet();
        List<Thread> threads = load(clients, each, new CountDownLatch(0), answered,
                each / 2, halfway, resume);
        halfway.await(); // every client is paused after half its requests
        Files.move(dir.resolve("access.log"), dir.resolve("access.log.1"));
        server.signal("HUP");
        Await.until(() -> Files.exists(dir.resolve("access.log")), Duration.ofSeconds(10),
                "the sink reopens its path on reload");
        resume.countDown();
        for (Thread t : threads) {
            t.join(60_000);
        }
        stopServer();
        assertEquals(clients * each, answered.size());
        List<String> lines = new ArrayList<>(Files.readAllLines(dir.resolve("access.log.1")));
        List<String> newer = Files.readAllLines(dir.resolve("access.log"));
        assertTrue(!newer.isEmpty(), "records after the reload go to the new file");
        lines.addAll(newer);
        assertEquals(answered, targets(lines));
        assertEquals(clients * each, lines.size());
    }

    /** SIGTERM under load: every exchange a client saw answered has its line. */
    @Test
    void aStopUnderLoadLosesNothing() throws Exception {
        start("access.log");
        CountDownLatch some = new CountDownLatch(300);
        Set<String> answered = ConcurrentHashMap.newKeySet();
        List<Thread> clients = load(4, 100_000, some, answered);

        some.await();
        server.signal("TERM");
        assertEquals(0, server.awaitExit(Duration.ofSeconds(30)), server.output());
        for (Thread t : clients) {
            t.join(30_000);
        }
        Set<String> logged = targets(Files.readAllLines(dir.resolve("access.log")));
        assertTrue(logged.containsAll(answered),
                "answered but not logged: " + answered.stream().filter(a -> !logged.contains(a)).limit(5).toList());
    }

    /**
     * Right after start, as fast as the server answers (8 keep-alive clients, 100,000 requests,
     * the image's JIT still cold): both sinks have a line for every response, none dropped.
     */
    @Test
    void underFullLoadRightAfterStartBothLogsHaveEveryRecord() throws Exception {
        start("access.log");
        int clients = 8;
        int each = 12_500;
        Set<String> answered = ConcurrentHashMap.newKeySet();
        for (Thread t : load(clients, each, new CountDownLatch(0), answered)) {
            t.join(300_000);
        }
        stopServer();
        assertEquals(clients * each, answered.size());
        List<String> combined = Files.readAllLines(dir.resolve("access.log"));
        long json;
        try (var lines = Files.lines(dir.resolve("access.jsonl"))) {
            json = lines.count();
        }
        assertEquals(clients * each, combined.size(), "Combined lines");
        assertEquals(clients * each, json, "JSON lines");
        assertEquals(answered, targets(combined));
        assertTrue(!server.output().contains("accesslog.drop"), server.output());
    }

    /** A disk that fails (/dev/full) never stalls a response; the failure is logged. */
    @Test
    void aFullDiskDoesNotStallResponses() throws Exception {
        Files.createSymbolicLink(dir.resolve("full.log"), Path.of("/dev/full"));
        start("full.log");
        Set<String> answered = ConcurrentHashMap.newKeySet();
        for (Thread t : load(2, 200, new CountDownLatch(0), answered)) {
            t.join(60_000);
        }
        assertEquals(400, answered.size());
        server.awaitOutput("accesslog.fail");
        assertTrue(server.output().lines().filter(l -> l.contains("accesslog.fail")).count() <= 2,
                "logged once per run of failures:\n" + server.output());
    }

    private void stopServer() throws Exception {
        server.signal("TERM");
        assertEquals(0, server.awaitExit(Duration.ofSeconds(30)), server.output());
    }

    /** Clients on keep-alive connections, each sending GET /echo?c=N&i=M until done or cut. */
    private List<Thread> load(int clients, int each, CountDownLatch progress, Set<String> answered) {
        return load(clients, each, progress, answered, -1, null, null);
    }

    /** As above; with pauseAt at least 0, each client pauses there until resume opens. */
    private List<Thread> load(int clients, int each, CountDownLatch progress, Set<String> answered,
                              int pauseAt, CountDownLatch paused, CountDownLatch resume) {
        List<Thread> threads = new ArrayList<>();
        AtomicInteger id = new AtomicInteger();
        for (int c = 0; c < clients; c++) {
            int client = id.getAndIncrement();
            threads.add(Thread.ofPlatform().start(() -> {
                try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                    s.setSoTimeout(10_000);
                    OutputStream out = s.getOutputStream();
                    InputStream in = s.getInputStream();
                    for (int i = 0; i < each; i++) {
                        if (i == pauseAt) {
                            paused.countDown();
                            resume.await();
                        }
                        String target = "/echo?c=" + client + "&i=" + i;
                        out.write(("GET " + target + " HTTP/1.1\r\nHost: t\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                        if (!readResponse(in)) {
                            return; // the server closed: it is stopping
                        }
                        answered.add(target);
                        progress.countDown();
                    }
                } catch (IOException e) {
                    // cut by the stop; what was answered is recorded
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        return threads;
    }

    private static boolean readResponse(InputStream in) throws IOException {
        String head = ImageServesIT.readHead(in);
        if (!head.startsWith("HTTP/1.1 200")) {
            return false;
        }
        int at = head.indexOf("Content-Length: ") + 16;
        int length = Integer.parseInt(head.substring(at, head.indexOf('\r', at)));
        return in.readNBytes(length).length == length;
    }

    private static Set<String> targets(List<String> lines) {
        Set<String> targets = new HashSet<>();
        for (String line : lines) {
            int start = line.indexOf("\"GET ") + 5;
            targets.add(line.substring(start, line.indexOf(' ', start)));
        }
        return targets;
    }
}
