package io.httpd.core;

import io.httpd.core.config.ConfigLoader;
import io.httpd.core.http1.RawClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reloads every 250 ms, alternating two configs that differ in routes, a limit, the server
 * name and the access-log format, while keep-alive clients keep asking: no request fails, no
 * connection breaks, each response comes from exactly one generation (its Server field, its
 * content and its access-log line agree), and the access log has one line per response.
 * {@code -Dhttpd.reload.clients=64 -Dhttpd.reload.seconds=20 -Dhttpd.reload.pause.ms=500}
 * runs it at the size (the pause is the wait between two reloads).
 */
class ReloadUnderLoadTest {
    private static final int CLIENTS = Integer.getInteger("httpd.reload.clients", 16);
    private static final int SECONDS = Integer.getInteger("httpd.reload.seconds", 4);
    private static final int PAUSE_MS = Integer.getInteger("httpd.reload.pause.ms", 250);

    @TempDir
    Path dir;

    private static String config(String g) {
        return """
                [server]
                name = "gen-%1$s"
                request_id_header = "X-Request-Id"

                [[listen]]
                address = "127.0.0.1:0"

                [limits]
                body_bytes = "%2$s"

                [[route]]
                path = "/g"
                handler = "greet"
                greeting = "%1$s"

                [[route]]
                path = "/only-%1$s"
                handler = "greet"

                [[access_log]]
                sink = "lines"
                format = "%1$s"
                """.formatted(g, g.equals("A") ? "1MiB" : "2MiB");
    }

    /** One answered request: its id and which generation's greeting it carried. */
    private record Answer(String id, String greeting) {
    }

    @Test
    void everyResponseComesFromOneGenerationAndIsLoggedOnce() throws Exception {
        TestPlugins plugins = new TestPlugins();
        Path file = dir.resolve("httpd.toml");
        Files.writeString(file, config("A"));
        Httpd httpd = Httpd.create(ConfigLoader.read(file), plugins.registry());
        httpd.start();
        Queue<Answer> answers = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Future<String>> clients = new ArrayList<>();
        int reloads = 0;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < CLIENTS; i++) {
                clients.add(threads.submit(() -> ask(httpd, running, answers)));
            }
            long end = System.nanoTime() + Duration.ofSeconds(SECONDS).toNanos();
            while (System.nanoTime() < end) {
                Thread.sleep(PAUSE_MS);
                Files.writeString(file, config(reloads % 2 == 0 ? "B" : "A"));
                assertTrue(httpd.reload().swapped());
                reloads++;
            }
            running.set(false);
            for (Future<String> f : clients) {
                assertEquals("ok", f.get()); // a failed request or a broken connection
            }
        } finally {
            httpd.stop(Duration.ofSeconds(5));
        }
        Map<String, String> logged = new HashMap<>();
        for (String line : plugins.lines) {
            String[] f = line.split(" ");
            assertEquals(null, logged.put(f[1], f[0]), "logged twice: " + line);
        }
        assertEquals(answers.size(), logged.size(), "one access-log line per response");
        for (Answer a : answers) {
            assertEquals(a.greeting(), logged.get(a.id()), "logged by another generation");
        }
        System.out.printf("ReloadUnderLoadTest: %d clients, %d s, %d responses, %d reloads%n",
                CLIENTS, SECONDS, answers.size(), reloads);
        assertTrue(answers.size() > CLIENTS * 10 && reloads > 4, answers.size() + " answers, "
                + reloads + " reloads");
    }

    private static String ask(Httpd httpd, AtomicBoolean running, Queue<Answer> answers)
            throws Exception {
        try (RawClient c = new RawClient(httpd.addresses().getFirst())) {
            while (running.get()) {
                String r = c.send("GET /g HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
                String greeting = r.substring(r.indexOf("\r\n\r\n") + 4).trim();
                if (!r.startsWith("HTTP/1.1 200 OK\r\n")
                        || !r.contains("\r\nServer: gen-" + greeting + "\r\n")) {
                    return "inconsistent: " + r;
                }
                answers.add(new Answer(field(r, "X-Request-Id"), greeting));
            }
        }
        return "ok";
    }

    private static String field(String response, String name) {
        int at = response.indexOf("\r\n" + name + ": ") + name.length() + 4;
        return response.substring(at, response.indexOf("\r\n", at));
    }
}
