package io.httpd.core.http1;

import io.httpd.api.AccessRecord;
import io.httpd.api.Method;
import io.httpd.api.Response;
import io.httpd.api.Status;
import io.httpd.api.ServerView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Set;

import static io.httpd.core.http1.TestContext.CLOSE;
import static io.httpd.core.http1.TestContext.error;
import static io.httpd.core.http1.TestContext.normalize;
import static io.httpd.core.http1.TestContext.route;
import static io.httpd.core.http1.TestContext.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client that goes away in the middle of its request content: a truncated message (RFC 9112
 * §8), answered 400 as far as it can still be, logged once, and no harm to the server.
 */
class ClientDisconnectTest {
    static final String POST = "POST /read HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\nhello";

    private final TestContext t = new TestContext(
            route("/read", r -> Response.text(Status.OK, "read " + r.body().readAllBytes().length),
                    Set.of(Method.GET, Method.POST)),
            route("/ignore", r -> Response.text(Status.OK, "ignored"), Set.of(Method.POST)));

    @ParameterizedTest
    @EnumSource(Wire.class)
    void halfAContentLengthBodyIs400(Wire wire) throws Exception {
        assertEquals(error(400, Violation.CLOSED_IN_BODY.reason, CLOSE),
                wire.exchange(t.ctx, POST));
        assertRecord(400);
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void halfAChunkedBodyIs400(Wire wire) throws Exception {
        assertEquals(error(400, Violation.CLOSED_IN_CHUNK.reason, CLOSE),
                wire.exchange(t.ctx, "POST /read HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "a\r\nhello"));
        assertEquals(error(400, Violation.CLOSED_IN_CHUNKED_FRAMING.reason, CLOSE),
                wire.exchange(t.ctx, "POST /read HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "5\r\nhello\r\n"));
        assertRecord(400);
        assertRecord(400);
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void aHandlerThatDidNotReadHasAnsweredAlready(Wire wire) throws Exception {
        assertEquals(text("HTTP/1.1 200 OK", "", "ignored"), wire.exchange(t.ctx, POST.replace("/read", "/ignore")));
        assertRecord(200);
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void aClientThatSendsNothingGetsNothingAndNoRecord(Wire wire) throws Exception {
        assertEquals("", wire.exchange(t.ctx, ""));
        assertEquals("", wire.exchange(t.ctx, "\r\n"));
        assertEquals(new ServerView.Counters(0, 2, 0, 0, 0, 0, 0, 0, 0), t.counters.snapshot());
        assertTrue(t.records().isEmpty());
    }

    /** A client gone before its head arrived is a server event, not an exchange (README). */
    @ParameterizedTest
    @EnumSource(Wire.class)
    void aClientGoneInsideItsHeadGetsNothingAndNoRecord(Wire wire) throws Exception {
        assertEquals("", wire.exchange(t.ctx, "GET / HTTP/1.1\r\nHost: a\r\nAcc"));
        assertEquals("", wire.exchange(t.ctx, "GET / HT"));
        assertTrue(t.records().isEmpty());
    }

    @Test
    void theServerGoesOnAfterAClientVanished() throws Exception {
        try (TestServer server = TestServer.start(t.ctx)) {
            try (RawClient gone = server.connect()) {
                gone.send(POST);
            } // closed with half the body sent
            AccessRecord r = t.nextRecord();
            assertEquals("POST /read 400", r.method() + " " + r.target() + " " + r.status());
            try (RawClient next = server.connect()) {
                assertEquals(text("HTTP/1.1 200 OK", "", "read 10"),
                        normalize(next.send(POST + "world").readResponse()));
            }
        }
    }

    private void assertRecord(int status) throws InterruptedException {
        AccessRecord r = t.nextRecord();
        assertEquals(status, r.status(), r.toString());
        assertEquals("POST", r.method());
    }
}
