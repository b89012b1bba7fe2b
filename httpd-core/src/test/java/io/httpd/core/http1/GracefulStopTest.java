package io.httpd.core.http1;

import io.httpd.api.Response;
import io.httpd.api.Status;
import io.httpd.core.server.Endpoint;
import io.httpd.core.server.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.httpd.core.http1.TestContext.normalize;
import static io.httpd.core.http1.TestContext.route;
import static io.httpd.core.http1.TestContext.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HttpServer.stop(grace): no new connections, idle ones closed at once, a busy exchange
 * finished within the grace period and cut after it.
 */
class GracefulStopTest {
    static final String GET = "GET / HTTP/1.1\r\nHost: a\r\n\r\n";

    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch handling = new CountDownLatch(1);
    private final TestContext t = new TestContext(
            route("/", r -> Response.text(Status.OK, "hi")),
            route("/wait", r -> {
                handling.countDown();
                Await.released(release);
                return Response.text(Status.OK, "waited");
            }),
            route("/forever", r -> {
                handling.countDown();
                blockForever();
                return Response.text(Status.OK, "never");
            }));
    private volatile boolean testOver; // ends the handler that blocks forever, after the test

    @AfterEach
    void endTheBlockedHandler() {
        testOver = true;
    }

    /** Ignores interrupts: nothing but the end of the test ends it. */
    private void blockForever() {
        while (!testOver) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException ignored) {
                // as a handler stuck in code that swallows interrupts
            }
        }
    }

    /**
     * A keep-alive response is on the wire before its connection counts as idle: a stop that
     * closes idle connections the moment the exchange ends loses nothing (the stop asks the
     * connection whether it drains just then, as the server's stop thread may).
     */
    @Test
    void aStopRightAfterAnExchangeLosesNoResponse() {
        MemoryTransport transport = MemoryTransport.of(GET.getBytes(StandardCharsets.US_ASCII));
        var asked = new java.util.concurrent.atomic.AtomicInteger();
        Connection[] connection = new Connection[1];
        connection[0] = new Connection(transport, Generations.fixed(t.ctx), () -> {
            // the 3rd question comes after the 1st exchange: close it if idle, as a stop would
            if (asked.incrementAndGet() == 3) {
                connection[0].closeIfIdle();
            }
            return false;
        });
        connection[0].run();
        assertTrue(asked.get() >= 3, "asked " + asked.get() + " times");
        assertTrue(transport.sent().startsWith("HTTP/1.1 200 OK\r\n"), transport.sent());
        assertTrue(transport.sent().endsWith("\r\n\r\nhi"), transport.sent());
    }

    @Test
    void idleConnectionsCloseAtOnceAndNewOnesAreRefused() throws Exception {
        HttpServer server = start();
        InetSocketAddress address = server.boundAddresses().getFirst();
        try (RawClient idle = new RawClient(address)) {
            assertEquals(text("HTTP/1.1 200 OK", "", "hi"), normalize(idle.send(GET).readResponse()));
            assertEquals(0, server.stop(Duration.ofSeconds(5)));
            assertTrue(idle.serverClosed());
        }
        assertThrows(ConnectException.class, () -> new Socket().connect(address, 5000));
    }

    @Test
    void aBusyExchangeFinishesWithinTheGrace() throws Exception {
        HttpServer server = start();
        InetSocketAddress address = server.boundAddresses().getFirst();
        try (RawClient busy = new RawClient(address)) {
            busy.send("GET /wait HTTP/1.1\r\nHost: a\r\n\r\n");
            assertTrue(handling.await(5, TimeUnit.SECONDS));
            CompletableFuture<Integer> cut = CompletableFuture.supplyAsync(() -> stop(server, Duration.ofSeconds(5)));
            awaitRefused(address); // the stop has begun
            release.countDown();
            assertEquals(text("HTTP/1.1 200 OK", "", "waited"), normalize(busy.readResponse()));
            assertTrue(busy.serverClosed());
            assertEquals(0, cut.get(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void aBusyExchangeIsCutWhenTheGraceEnds() throws Exception {
        HttpServer server = start();
        try (RawClient busy = new RawClient(server.boundAddresses().getFirst())) {
            busy.send("GET /wait HTTP/1.1\r\nHost: a\r\n\r\n");
            assertTrue(handling.await(5, TimeUnit.SECONDS));
            assertEquals(1, server.stop(Duration.ofMillis(100)));
            assertEquals("", busy.readToEnd());
        } finally {
            release.countDown();
        }
    }

    /**
     * A handler that never returns, whatever is done to its thread: another connection is
     * served meanwhile; on stop, its connection is cut when the grace period ends (the client
     * sees the connection close with nothing sent), the stop returns then, and the server
     * counts it as cut.
     */
    @Test
    void aHandlerBlockedForeverIsCutAtTheGraceAndOthersAreServed() throws Exception {
        HttpServer server = start();
        InetSocketAddress address = server.boundAddresses().getFirst();
        try (RawClient stuck = new RawClient(address); RawClient other = new RawClient(address)) {
            stuck.send("GET /forever HTTP/1.1\r\nHost: a\r\n\r\n");
            assertTrue(handling.await(5, TimeUnit.SECONDS));
            for (int i = 0; i < 3; i++) {
                assertEquals(text("HTTP/1.1 200 OK", "", "hi"), normalize(other.send(GET).readResponse()));
            }
            long start = System.nanoTime();
            assertEquals(1, server.stop(Duration.ofMillis(500)));
            long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(took >= 400 && took < 5_000, "stop took " + took + " ms");
            assertEquals("", stuck.readToEnd());
            assertTrue(other.serverClosed(), "the idle one closed at the stop's start");
        }
    }

    private HttpServer start() throws IOException {
        HttpServer server = new HttpServer(Endpoint.all(
                List.of(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0)),
                java.util.Collections.singletonList(null), List.of(false)), Generations.fixed(t.ctx));
        server.start();
        return server;
    }

    private static int stop(HttpServer server, Duration grace) {
        try {
            return server.stop(grace);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits, at most 5 s, until the listener refuses (or resets) connections. */
    private static void awaitRefused(InetSocketAddress address) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(address, 5000);
            } catch (ConnectException refused) {
                return;
            } catch (java.net.SocketException reset) {
                // the listener closed while this connect was in its backlog: refused as well
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the listener still accepts after 5 s");
    }
}
