package io.httpd.core.http1;

import io.httpd.api.Response;
import io.httpd.api.Status;
import io.httpd.core.config.Limits;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import static io.httpd.core.http1.TestContext.normalize;
import static io.httpd.core.http1.TestContext.route;
import static io.httpd.core.http1.TestContext.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * limits.connections, over real sockets on 127.0.0.1: with the cap reached by connections
 * waiting for their first request, one more is not served, however long it waits, until one of
 * them closes, and then at once. With idle keep-alive connections among them, the one idle
 * longest is closed to admit the new one at once (as nginx reuses keep-alive connections; a
 * client retries a request on a connection closed while idle, RFC 9112 §9.3.1). Every permit
 * comes back: afterwards the cap's worth of new connections is served together, and the
 * descriptors the test used are released.
 */
class ConnectionCapTest {
    static final int CAP = 8;
    static final String GET = "GET / HTTP/1.1\r\nHost: a\r\n\r\n";
    static final String HI = text("HTTP/1.1 200 OK", "", "hi");
    /** How long the connection past the cap must get nothing: a bound, not a measurement. */
    static final Duration UNSERVED = Duration.ofMillis(500);

    private final TestContext t = new TestContext(capped(CAP), route("/", r -> Response.text(Status.OK, "hi")));

    static Limits capped(int connections) {
        Limits d = Limits.defaults();
        return new Limits(d.requestLineBytes(), d.headerBytes(), d.headerCount(), d.bodyBytes(),
                connections, d.headerTimeout(), d.idleTimeout(), d.bodyTimeout(), d.sendTimeout(),
                d.handshakeTimeout());
    }

    @Test
    void oneMoreWaitsUntilOneCloses() throws Exception {
        assumeTrue(OpenFiles.countable(), "counting descriptors needs /proc/self/fd");
        int baseline = OpenFiles.count();
        List<RawClient> clients = new ArrayList<>();
        try (TestServer server = TestServer.start(t.ctx)) {
            for (int i = 0; i < CAP; i++) {
                clients.add(server.connect()); // and never send a byte
            }
            await(() -> t.counters.snapshot().connectionsOpen(), CAP);

            RawClient late = server.connect(); // the kernel completes it; the server does not accept
            clients.add(late);
            late.send(GET);
            assertTrue(late.silentFor(UNSERVED), "served while " + CAP + " connections are open");
            assertEquals(CAP, t.counters.snapshot().connectionsTotal(), "accepted past the cap");

            clients.remove(1).close(); // one that never sent a byte
            long start = System.nanoTime();
            assertEquals(HI, normalize(late.readResponse()));
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(2), "served late");
            assertEquals(CAP + 1, t.counters.snapshot().connectionsTotal());

            closeAll(clients);
            everyPermitCameBack(server);
        } finally {
            closeAll(clients);
        }
        OpenFiles.awaitAtMost(baseline, 8);
    }

    @Test
    void theLongestIdleKeepAliveConnectionMakesRoom() throws Exception {
        List<RawClient> clients = new ArrayList<>();
        try (TestServer server = TestServer.start(t.ctx)) {
            for (int i = 0; i < CAP; i++) {
                RawClient c = server.connect();
                clients.add(c);
                if (i % 2 == 0) { // idle keep-alive, the first one idle longest; the others silent
                    assertEquals(HI, normalize(c.send(GET).readResponse()));
                    Thread.sleep(20);
                }
            }
            await(() -> t.counters.snapshot().connectionsOpen(), CAP);

            RawClient late = server.connect();
            clients.add(late);
            assertEquals(HI, normalize(late.send(GET).readResponse()));
            assertTrue(clients.get(0).serverClosed(), "the longest idle connection stays open");
            assertEquals(HI, normalize(clients.get(2).send(GET).readResponse()));
            assertEquals(CAP, t.counters.snapshot().connectionsOpen());
        } finally {
            closeAll(clients);
        }
    }

    /** The cap's worth of connections open together and each served: no permit was lost. */
    private void everyPermitCameBack(TestServer server) throws Exception {
        await(() -> t.counters.snapshot().connectionsOpen(), 0);
        List<RawClient> again = new ArrayList<>();
        try {
            for (int i = 0; i < CAP; i++) {
                again.add(server.connect().send(GET));
            }
            for (RawClient c : again) {
                assertEquals(HI, normalize(c.readResponse()));
            }
            assertEquals(CAP, t.counters.snapshot().connectionsOpen());
        } finally {
            closeAll(again);
        }
    }

    /** Waits, at most 5 s, until the value is the expected one. */
    private static void await(LongSupplier value, long expected) throws InterruptedException {
        Await.until(() -> value.getAsLong() == expected, Duration.ofSeconds(5),
                () -> "still " + value.getAsLong() + ", not " + expected);
    }

    private static void closeAll(List<RawClient> clients) throws Exception {
        for (RawClient c : clients) {
            c.close();
        }
        clients.clear();
    }
}
