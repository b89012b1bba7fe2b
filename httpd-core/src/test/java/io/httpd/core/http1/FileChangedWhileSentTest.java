package io.httpd.core.http1;

import io.httpd.api.AccessRecord;
import io.httpd.api.Headers;
import io.httpd.api.Method;
import io.httpd.api.Response;
import io.httpd.api.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.httpd.core.http1.TestContext.route;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A file deleted or truncated while a response sends it with sendfile, as when a site is
 * deployed over the static root under load. Deleted: the open descriptor keeps the content, so
 * the response completes. Truncated: the connection closes once the file ends (RFC 9112 §8:
 * the client sees fewer bytes than Content-Length), without a hang, one access record marked
 * aborted with the content that got out, the reason logged once and nothing at WARN or above.
 * Deleted before the server opened it: the head (already buffered) goes out and the connection
 * closes without content, likewise.
 */
class FileChangedWhileSentTest {
    static final int SIZE = 16 * 1024 * 1024;
    static final int TRUNCATED_TO = 300_000;

    @TempDir
    Path dir;
    private final TestContext t = new TestContext(
            route("/file", r -> file(false), Set.of(Method.GET)),
            route("/gone", r -> file(true), Set.of(Method.GET)));

    private Response file(boolean deleteFirst) throws IOException {
        Path file = dir.resolve("big.bin");
        if (!Files.exists(file)) {
            Files.write(file, new byte[SIZE]);
        }
        Response.Body.FileRegion region = new Response.Body.FileRegion(file, 0, SIZE);
        if (deleteFirst) {
            Files.delete(file);
        }
        return new Response(Status.OK, Headers.EMPTY, region);
    }

    @Test
    void deletedWhileSentIsSentWhole() throws Exception {
        List<String> events = fetch("/file", () -> Files.delete(dir.resolve("big.bin")), SIZE);
        AccessRecord r = t.nextRecord();
        assertFalse(r.aborted(), "sent whole");
        assertEquals(SIZE, r.bytes());
        assertEquals(List.of(), events);
    }

    @Test
    void truncatedWhileSentClosesAbortedAndLogsOnce() throws Exception {
        List<String> events = fetch("/file", () -> {
            try (RandomAccessFile f = new RandomAccessFile(dir.resolve("big.bin").toFile(), "rw")) {
                f.setLength(TRUNCATED_TO);
            }
        }, -1);
        AccessRecord r = t.nextRecord();
        assertTrue(r.aborted(), "aborted");
        assertTrue(r.bytes() < SIZE, "bytes " + r.bytes());
        assertEquals(1, events.size(), events.toString());
        assertTrue(events.getFirst().contains("file shrank while being sent"), events.toString());
    }

    @Test
    void deletedBeforeItWasOpenedClosesAbortedAndLogsOnce() throws Exception {
        List<String> events = fetch("/gone", () -> { }, 0);
        AccessRecord r = t.nextRecord();
        assertTrue(r.aborted(), "aborted");
        assertEquals(0, r.bytes());
        assertEquals(1, events.size(), events.toString());
        assertTrue(events.getFirst().contains("big.bin"), events.toString());
    }

    interface Change {
        void run() throws IOException;
    }

    /**
     * GETs the path, changes the file once the head arrived (the file is open by then: the
     * head leaves after the open), reads to the end (5 s at most a read), checks the content
     * length (-1: less than the head announced) and returns the DEBUG-or-above events of the
     * exchange other than the connection's own bookkeeping, after checking none is WARN or above.
     */
    private List<String> fetch(String path, Change change, long content) throws Exception {
        try (LogCapture log = LogCapture.of(Exchange.class).debug();
             LogCapture connection = LogCapture.of(Connection.class);
             TestServer server = TestServer.start(t.ctx); RawClient c = server.connect()) {
            c.send("GET " + path + " HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
            String head = c.readHead();
            assertTrue(head.startsWith("HTTP/1.1 200 OK\r\n"), head);
            change.run();
            long received = c.readToEnd().length();
            if (content >= 0) {
                assertEquals(content, received);
            } else {
                assertTrue(received < SIZE, "received " + received);
            }
            List<String> events = new ArrayList<>(log.events());
            events.addAll(connection.events());
            assertEquals(List.of(), events.stream().filter(e -> e.startsWith("WARN")
                    || e.startsWith("ERROR")).toList());
            return events;
        }
    }
}
