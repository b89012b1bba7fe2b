package io.httpd.core.http1;

import io.httpd.api.AccessRecord;
import io.httpd.api.Headers;
import io.httpd.api.Response;
import io.httpd.api.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static io.httpd.core.http1.TestContext.CLOSE;
import static io.httpd.core.http1.TestContext.DATE_SERVER;
import static io.httpd.core.http1.TestContext.error;
import static io.httpd.core.http1.TestContext.normalize;
import static io.httpd.core.http1.TestContext.route;
import static io.httpd.core.http1.TestContext.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A failing handler (RouteHandler: "an exception becomes a 500 response for that request only,
 * and the connection is closed"): other connections are not affected, and the exchange is
 * still logged. Once a streamed body has started, the failure can only cut the connection.
 */
class HandlerFailureTest {
    static final String NEXT = "GET /ok HTTP/1.1\r\nHost: a\r\n\r\n";
    static final String FAILED = error(500, "the handler failed", CLOSE);

    private final CountDownLatch release = new CountDownLatch(1);
    private final TestContext t = new TestContext(
            route("/ok", r -> Response.text(Status.OK, "ok")),
            route("/throws", r -> {
                throw new IllegalStateException("boom");
            }),
            route("/io", r -> {
                throw new IOException("backend gone");
            }),
            route("/null", r -> null),
            route("/oom", r -> {
                throw new OutOfMemoryError("Java heap space");
            }),
            route("/recursion", HandlerFailureTest::recurse),
            route("/stream-fails", r -> new Response(Status.OK, Headers.of("Content-Type", "text/plain"),
                    new Response.Body.Streamed(-1, out -> {
                        out.write("first".getBytes(StandardCharsets.ISO_8859_1));
                        throw new IllegalStateException("boom in the writer");
                    }))),
            route("/wait", r -> {
                Await.released(release);
                return Response.text(Status.OK, "waited");
            }));

    @ParameterizedTest
    @EnumSource(Wire.class)
    void aThrowingHandlerIs500AndCloses(Wire wire) throws Exception {
        assertEquals(FAILED, wire.exchange(t.ctx, "GET /throws HTTP/1.1\r\nHost: a\r\n\r\n" + NEXT));
        assertEquals(FAILED, wire.exchange(t.ctx, "GET /io HTTP/1.1\r\nHost: a\r\n\r\n" + NEXT));
        assertEquals(500, t.nextRecord().status());
        assertEquals(500, t.nextRecord().status());
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void aHandlerReturningNullIs500(Wire wire) throws Exception {
        assertEquals(FAILED, wire.exchange(t.ctx, "GET /null HTTP/1.1\r\nHost: a\r\n\r\n" + NEXT));
        assertEquals(500, t.nextRecord().status());
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void aStreamFailingMidwayCutsTheConnectionAndIsLogged(Wire wire) throws Exception {
        try (LogCapture log = LogCapture.of(Exchange.class)) {
            // the exact bytes: one status line, no 500 after the head, no last chunk (RFC 9112 §7.1)
            assertEquals("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n" + DATE_SERVER
                            + "Transfer-Encoding: chunked\r\n\r\n5\r\nfirst\r\n",
                    wire.exchange(t.ctx, "GET /stream-fails HTTP/1.1\r\nHost: a\r\n\r\n" + NEXT));
            AccessRecord r = t.nextRecord();
            assertEquals("/stream-fails 200 aborted", r.target() + " " + r.status()
                    + (r.aborted() ? " aborted" : ""));
            assertEquals(List.of("ERROR handler.error route=/stream-fails"), log.events().stream()
                    .map(e -> e.substring(0, e.indexOf(" handler=test"))).toList());
        }
    }

    /**
     * An OutOfMemoryError a handler throws (or a StackOverflowError) is that request's 500, as
     * any failure: the server goes on. The VM's own heap exhaustion never gets here in the
     * image: bin/httpd runs with -XX:+ExitOnOutOfMemoryError (OutOfMemoryIT), because after
     * one any thread may have died and the server could live on half-alive.
     */
    @ParameterizedTest
    @CsvSource({"/oom", "/recursion"})
    void anErrorOfTheVmInOneHandlerIs500AndTheServerGoesOn(String path) throws Exception {
        try (LogCapture log = LogCapture.of(Exchange.class);
             TestServer server = TestServer.start(t.ctx); RawClient failing = server.connect()) {
            assertEquals(FAILED, normalize(failing.send("GET " + path + " HTTP/1.1\r\nHost: a\r\n\r\n")
                    .readResponse()));
            assertTrue(failing.serverClosed());
            try (RawClient other = server.connect()) {
                assertEquals(text("HTTP/1.1 200 OK", "", "ok"), normalize(other.send(NEXT).readResponse()));
            }
            assertEquals(500, t.nextRecord().status());
            assertEquals(1, log.events().size(), log.events().toString());
        }
    }

    private static Response recurse(io.httpd.api.Request r) throws IOException {
        return recurse(r);
    }

    @Test
    void anotherConnectionIsServedMeanwhile() throws Exception {
        try (TestServer server = TestServer.start(t.ctx);
             RawClient waiting = server.connect(); RawClient failing = server.connect()) {
            waiting.send("GET /wait HTTP/1.1\r\nHost: a\r\n\r\n"); // its handler blocks
            failing.send("GET /throws HTTP/1.1\r\nHost: a\r\n\r\n");
            assertEquals(FAILED, normalize(failing.readResponse()));
            assertTrue(failing.serverClosed());
            release.countDown();
            assertEquals(text("HTTP/1.1 200 OK", "", "waited"), normalize(waiting.readResponse()));
            assertEquals(text("HTTP/1.1 200 OK", "", "ok"), normalize(waiting.send(NEXT).readResponse()));
        }
    }
}
