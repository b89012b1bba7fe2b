package io.httpd.core.http1;

import io.httpd.api.Method;
import io.httpd.api.Response;
import io.httpd.api.Status;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;

import static io.httpd.core.http1.TestContext.CLOSE;
import static io.httpd.core.http1.TestContext.error;
import static io.httpd.core.http1.TestContext.normalize;
import static io.httpd.core.http1.TestContext.route;
import static io.httpd.core.http1.TestContext.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The three timeouts, over sockets: header_timeout for a whole head (408 and close), and for
 * the first byte of a connection's first request (close without a word), idle_timeout between
 * requests (close without a word), body_timeout between content bytes (408 and close). Each is
 * 300 ms here; the client waits at most 5 s for the outcome.
 */
class TimeoutTest {
    static final Duration SHORT = Duration.ofMillis(300);
    static final Duration LONG = Duration.ofSeconds(30);

    private static TestContext context(Duration header, Duration idle, Duration body) {
        return new TestContext(TestContext.timeouts(header, idle, body),
                route("/", r -> Response.text(Status.OK, "read " + r.body().readAllBytes().length),
                        Set.of(Method.GET, Method.POST)));
    }

    @Test
    void aHeadNotCompleteInTimeIs408() throws Exception {
        TestContext t = context(SHORT, LONG, LONG);
        try (TestServer server = TestServer.start(t.ctx); RawClient client = server.connect()) {
            client.send("GET / HTTP/1.1\r\nHost: a\r\n"); // and nothing more
            assertEquals(error(408, Violation.HEAD_TIMEOUT.reason, CLOSE), normalize(client.readResponse()));
            assertTrue(client.serverClosed());
        }
        assertEquals(408, t.nextRecord().status());
    }

    @Test
    void aConnectionThatSendsNothingIsClosedAfterTheHeaderTimeout() throws Exception {
        TestContext t = context(SHORT, LONG, LONG);
        try (TestServer server = TestServer.start(t.ctx); RawClient client = server.connect()) {
            assertEquals("", client.readToEnd()); // not after idle_timeout: the read waits 5 s
        }
        assertTrue(t.records().isEmpty(), "a connection without a request is not an exchange");
    }

    @Test
    void anIdleConnectionIsClosedWithoutAResponse() throws Exception {
        TestContext t = context(LONG, SHORT, LONG);
        try (TestServer server = TestServer.start(t.ctx); RawClient client = server.connect()) {
            assertEquals(text("HTTP/1.1 200 OK", "", "read 0"),
                    normalize(client.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n").readResponse()));
            assertEquals("", client.readToEnd());
        }
        t.nextRecord();
        assertTrue(t.records().isEmpty(), "an idle close is not an exchange");
    }

    @Test
    void contentNotArrivingInTimeIs408() throws Exception {
        TestContext t = context(LONG, LONG, SHORT);
        try (TestServer server = TestServer.start(t.ctx); RawClient client = server.connect()) {
            client.send("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\nhello");
            assertEquals(error(408, Violation.BODY_TIMEOUT.reason, CLOSE), normalize(client.readResponse()));
            assertTrue(client.serverClosed());
        }
        assertEquals(408, t.nextRecord().status());
    }
}
