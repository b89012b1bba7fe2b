package io.httpd.core.http1;

import io.httpd.api.AccessRecord;
import io.httpd.api.Headers;
import io.httpd.api.Method;
import io.httpd.api.Response;
import io.httpd.api.Status;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static io.httpd.core.http1.TestContext.normalize;
import static io.httpd.core.http1.TestContext.route;
import static io.httpd.core.http1.TestContext.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client that resets its connection (SO_LINGER 0: a TCP RST, not an end of stream) in the
 * middle of its request head, its request content, or the response. The connection closes; the
 * reason is logged once, never as an ERROR nor with a stack trace (any client may do this);
 * another connection open meanwhile is served; an exchange whose response had started is one
 * access record, marked aborted. Inside the content it is the incomplete message of RFC 9112
 * §8, as when the client closes: a 400, never the handler's 500.
 */
class ClientResetTest {
    static final int BIG = 8 * 1024 * 1024;
    static final String GET_OK = "GET /ok HTTP/1.1\r\nHost: a\r\n\r\n";

    private final CountDownLatch reading = new CountDownLatch(1);
    private final TestContext t = new TestContext(
            route("/ok", r -> Response.text(Status.OK, "ok")),
            route("/read", r -> {
                reading.countDown();
                return Response.text(Status.OK, "read " + r.body().readAllBytes().length);
            }, Set.of(Method.POST)),
            route("/big", r -> new Response(Status.OK, Headers.EMPTY,
                    new Response.Body.Bytes(new byte[BIG]))));

    @Test
    void insideTheHeadNoRecordAndOneDebugEvent() throws Exception {
        List<String> events = reset("GET /big HTTP/1.1\r\nHost: a\r\nAcc", c -> { },
                e -> e.startsWith("DEBUG conn.close") && e.contains("reason=i/o: Connection reset"));
        assertEquals(1, events.size(), events.toString());
        assertEquals(List.of("/ok"), t.records().stream().map(AccessRecord::target).toList(),
                "the other connection's only: a client gone before its head is no exchange");
    }

    @Test
    void insideTheContentIs400LoggedOnce() throws Exception {
        List<String> events = reset(
                "POST /read HTTP/1.1\r\nHost: a\r\nContent-Length: 1000\r\n\r\nhello",
                c -> await(reading), e -> e.startsWith("INFO request.reject status=400"));
        assertEquals(1, events.size(), events.toString());
        assertTrue(events.getFirst().contains("reason=connection failed inside the request body"),
                events.getFirst());
        AccessRecord r = t.nextRecord();
        assertEquals("POST /read 400", r.method() + " " + r.target() + " " + r.status());
    }

    @Test
    void insideTheResponseIsOneAbortedRecord() throws Exception {
        List<String> events = reset("GET /big HTTP/1.1\r\nHost: a\r\n\r\n", c -> c.read(1000),
                e -> e.contains("reason=write failed: Connection reset"));
        assertEquals(1, events.size(), events.toString());
        AccessRecord r = t.nextRecord();
        assertEquals("GET /big 200", r.method() + " " + r.target() + " " + r.status());
        assertTrue(r.aborted(), "aborted");
        assertTrue(r.bytes() > 0 && r.bytes() < BIG, "content that got out: " + r.bytes());
    }

    interface Step {
        void run(RawClient client) throws Exception;
    }

    /**
     * Sends the request, runs the step, resets; then checks that another connection, open all
     * along, is served and that nothing was logged at WARN or above (nor a stack trace), and
     * returns the events of the two classes that match (after waiting for one, 5 s at most).
     */
    private List<String> reset(String request, Step before, Predicate<String> expected)
            throws Exception {
        try (LogCapture exchange = LogCapture.of(Exchange.class).debug();
             LogCapture connection = LogCapture.of(Connection.class).debug();
             TestServer server = TestServer.start(t.ctx); RawClient other = server.connect()) {
            RawClient c = server.connect();
            c.send(request);
            before.run(c);
            c.reset();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            List<String> events = List.of();
            while (events.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
                events = new ArrayList<>(exchange.events());
                events.addAll(connection.events());
                events = events.stream().filter(expected).toList();
            }
            assertEquals(text("HTTP/1.1 200 OK", "", "ok"),
                    normalize(other.send(GET_OK).readResponse()), "another connection");
            List<String> all = new ArrayList<>(exchange.events());
            all.addAll(connection.events());
            assertEquals(List.of(), all.stream().filter(e -> e.startsWith("WARN")
                    || e.startsWith("ERROR")).toList());
            return all.stream().filter(expected).toList();
        }
    }

    private static void await(CountDownLatch latch) throws InterruptedException {
        assertTrue(latch.await(5, TimeUnit.SECONDS), "the handler did not start");
    }
}
