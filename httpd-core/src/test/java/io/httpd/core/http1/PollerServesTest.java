package io.httpd.core.http1;

import io.httpd.api.Headers;
import io.httpd.api.Method;
import io.httpd.api.Request;
import io.httpd.api.Response;
import io.httpd.api.RouteHandler;
import io.httpd.api.Status;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.httpd.core.http1.TestContext.normalize;
import static io.httpd.core.http1.TestContext.route;
import static io.httpd.core.http1.TestContext.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A plain connection rests between requests with no thread, and its poller serves it on its own
 * thread when its next request comes ({@link Poller}, {@link PolledTransport#serveOnPoller}).
 * Whatever must wait moves the connection off the poller's thread first, so that the other
 * connections are served meanwhile: a handler that may block, content that comes slowly, a
 * response the client does not read. Each test holds one connection in that wait until another
 * connection has been answered; were the poller stuck with the first, the second would get no
 * answer (the client gives up after 10 s) and the first would wait forever.
 */
class PollerServesTest {
    private static final int BIG = 16 * 1024 * 1024; // far more than two sockets' buffers hold
    private static final String GET_NOW = "GET /now HTTP/1.1\r\nHost: a\r\n\r\n";
    private static final String NOW = ok("now");

    private final CountDownLatch othersAnswered = new CountDownLatch(1);
    /** Which thread ran each route's handler last. */
    private final Map<String, String> threadOf = new ConcurrentHashMap<>();
    @AutoClose
    private final TestServer server = TestServer.start(context().ctx);

    /** A handler that says it never blocks: the poller's thread runs it. */
    private static RouteHandler nonBlocking(Set<Method> methods, RouteHandler handler) {
        return new RouteHandler() {
            @Override
            public Response handle(Request request) throws IOException {
                return handler.handle(request);
            }

            @Override
            public Set<Method> methods() {
                return methods;
            }

            @Override
            public boolean blocks() {
                return false;
            }
        };
    }

    private TestContext context() {
        return new TestContext(
                route("/now", nonBlocking(Set.of(Method.GET), r -> {
                    threadOf.put("/now", Thread.currentThread().getName());
                    return Response.text(Status.OK, "now");
                })),
                route("/wait", r -> { // may block (the default): it waits for another connection
                    threadOf.put("/wait", Thread.currentThread().getName());
                    await();
                    return Response.text(Status.OK, "waited");
                }),
                route("/read", nonBlocking(Set.of(Method.POST),
                        r -> Response.text(Status.OK, "read " + new String(r.body().readAllBytes(),
                                StandardCharsets.US_ASCII))),
                        Set.of(Method.POST)),
                route("/big", nonBlocking(Set.of(Method.GET), r -> new Response(Status.OK,
                        Headers.EMPTY, new Response.Body.Bytes(new byte[BIG])))));
    }

    private static String ok(String body) {
        return text("HTTP/1.1 200 OK", "", body);
    }

    private void await() {
        try {
            assertTrue(othersAnswered.await(20, TimeUnit.SECONDS), "no other connection answered");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Another connection is answered now, and the waiting one may go on. */
    private void anotherIsAnswered() throws IOException {
        try (RawClient other = server.connect()) {
            assertEquals(NOW, normalize(other.send(GET_NOW).readResponse()));
        }
        othersAnswered.countDown();
    }

    /** A client that sent these bytes, after which another connection was answered. */
    private RawClient sentWhileAnotherIsAnswered(String bytes) throws IOException {
        RawClient client = server.connect().send(bytes);
        anotherIsAnswered();
        return client;
    }

    @Test
    void aHandlerThatMayBlockRunsOffThePoller() throws Exception {
        try (RawClient waiting = sentWhileAnotherIsAnswered(
                "GET /wait HTTP/1.1\r\nHost: a\r\n\r\n")) {
            assertEquals(ok("waited"), normalize(waiting.readResponse()));
            assertTrue(threadOf.get("/now").startsWith("poller-"), "inline: " + threadOf);
            assertEquals("conn", threadOf.get("/wait"), "handed over, named for its connection");
            assertEquals(NOW, normalize(waiting.send(GET_NOW).readResponse())); // rested, served
        }
    }

    @Test
    void contentThatComesSlowlyIsReadOffThePoller() throws Exception {
        try (RawClient sending = sentWhileAnotherIsAnswered(
                "POST /read HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\nhello")) {
            assertEquals(ok("read helloworld"), normalize(sending.send("world").readResponse()));
        }
    }

    @Test
    void aHeadThatComesInPartsIsReadOffThePoller() throws Exception {
        try (RawClient slow = sentWhileAnotherIsAnswered("GET /now HTTP/1.1\r\nHo")) {
            assertEquals(NOW, normalize(slow.send("st: a\r\n\r\n").readResponse()));
        }
    }

    @Test
    void aResponseTheClientDoesNotReadIsSentOffThePoller() throws Exception {
        // the client reads nothing until another connection was answered
        try (RawClient idle = sentWhileAnotherIsAnswered(
                "GET /big HTTP/1.1\r\nHost: a\r\n\r\n")) {
            String head = idle.readHead();
            assertTrue(head.startsWith("HTTP/1.1 200 OK\r\n")
                    && head.contains("\r\nContent-Length: " + BIG + "\r\n"), head);
            assertEquals(BIG, idle.read(BIG).length());
            assertEquals(NOW, normalize(idle.send(GET_NOW).readResponse()));
        }
    }

    /** RFC 9112 §9.3.2: pipelined requests are answered in order, also served by the poller. */
    @Test
    void pipelinedRequestsOnManyRestingConnectionsAreAnsweredInOrder() throws Exception {
        List<RawClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                clients.add(server.connect());
            }
            for (int round = 0; round < 3; round++) {
                for (RawClient c : clients) {
                    c.send(GET_NOW + "POST /read HTTP/1.1\r\nHost: a\r\n"
                            + "Content-Length: 2\r\n\r\nr" + round);
                }
                for (RawClient c : clients) {
                    assertEquals(NOW, normalize(c.readResponse()));
                    assertEquals(ok("read r" + round), normalize(c.readResponse()));
                }
            }
        } finally {
            for (RawClient c : clients) {
                c.close();
            }
        }
    }

    @Test
    void aStopClosesRestingConnectionsAndEndsThem() throws Exception {
        TestContext t = context();
        TestServer stopped = TestServer.start(t.ctx);
        try (RawClient resting = stopped.connect()) {
            assertEquals(NOW, normalize(resting.send(GET_NOW).readResponse()));
            stopped.close(); // waits for every connection to end (2 s grace): a resting one too
            assertEquals("", resting.readToEnd());
        }
        assertEquals(0, t.counters.snapshot().connectionsOpen(), "the resting connection ended");
    }
}
