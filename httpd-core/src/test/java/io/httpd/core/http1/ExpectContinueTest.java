package io.httpd.core.http1;

import io.httpd.api.Headers;
import io.httpd.api.Method;
import io.httpd.api.Response;
import io.httpd.api.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Set;

import static io.httpd.core.http1.TestContext.CLOSE;
import static io.httpd.core.http1.TestContext.DATE_SERVER;
import static io.httpd.core.http1.TestContext.error;
import static io.httpd.core.http1.TestContext.normalize;
import static io.httpd.core.http1.TestContext.route;
import static io.httpd.core.http1.TestContext.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code Expect: 100-continue} (RFC 9110 §10.1.1): the 100 goes out when the handler first
 * reads the content, before any final response; a handler that does not read gets its final
 * response out with Connection: close and no 100, and the content is never read.
 */
class ExpectContinueTest {
    static final String CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n";
    static final String EXPECT = "Host: a\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n";
    static final String NEXT = "GET /read HTTP/1.1\r\nHost: a\r\n\r\n";
    static final Set<Method> GET_POST = Set.of(Method.GET, Method.POST);

    private final TestContext t = new TestContext(
            route("/read", r -> Response.text(Status.OK, "read " + r.body().readAllBytes().length), GET_POST),
            route("/ignore", r -> Response.text(Status.OK, "ignored"), GET_POST),
            route("/stream", r -> new Response(Status.OK, Headers.of("Content-Type", "text/plain"),
                    new Response.Body.Streamed(-1, out -> out.write(r.body().readAllBytes()))), GET_POST));

    @ParameterizedTest
    @EnumSource(Wire.class)
    void aReadingHandlerGetsTheContentAfterA100(Wire wire) throws Exception {
        assertEquals(CONTINUE + text("HTTP/1.1 200 OK", "", "read 5") + text("HTTP/1.1 200 OK", "", "read 0"),
                wire.exchange(t.ctx, "POST /read HTTP/1.1\r\n" + EXPECT + "hello" + NEXT));
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void aHandlerThatDoesNotReadAnswersWithoutA100AndCloses(Wire wire) throws Exception {
        assertEquals(text("HTTP/1.1 200 OK", CLOSE, "ignored"),
                wire.exchange(t.ctx, "POST /ignore HTTP/1.1\r\n" + EXPECT + "hello" + NEXT));
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void aStreamedBodyReadingTheContentGetsThe100BeforeItsHead(Wire wire) throws Exception {
        assertEquals(CONTINUE + "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n" + DATE_SERVER
                        + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n" + text("HTTP/1.1 200 OK", "", "read 0"),
                wire.exchange(t.ctx, "POST /stream HTTP/1.1\r\n" + EXPECT + "hello" + NEXT));
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void contentOverTheLimitIs413Without100(Wire wire) throws Exception {
        assertEquals(error(413, Violation.BODY_TOO_LARGE.reason, CLOSE),
                wire.exchange(t.ctx, "POST /read HTTP/1.1\r\n" + EXPECT.replace(": 5", ": 5000") + "hello"));
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void noRouteIs404Without100(Wire wire) throws Exception {
        assertEquals(error(404, "no route for this path", CLOSE),
                wire.exchange(t.ctx, "POST /nowhere HTTP/1.1\r\n" + EXPECT + "hello" + NEXT));
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void http10NeverGetsA100(Wire wire) throws Exception {
        assertEquals(text("HTTP/1.1 200 OK", CLOSE, "read 5"),
                wire.exchange(t.ctx, "POST /read HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\nhello"));
    }

    @Test
    void aClientWaitingForThe100SendsTheContentAfterIt() throws Exception {
        try (TestServer server = TestServer.start(t.ctx); RawClient client = server.connect()) {
            client.send("POST /read HTTP/1.1\r\n" + EXPECT);
            assertEquals(CONTINUE, client.read(CONTINUE.length()));
            assertEquals(text("HTTP/1.1 200 OK", "", "read 5"), normalize(client.send("hello").readResponse()));
            assertEquals(text("HTTP/1.1 200 OK", "", "read 0"), normalize(client.send(NEXT).readResponse()));
        }
    }

    @Test
    void aClientWaitingForThe100GetsTheFinalResponseInstead() throws Exception {
        try (TestServer server = TestServer.start(t.ctx); RawClient client = server.connect()) {
            client.send("POST /ignore HTTP/1.1\r\n" + EXPECT);
            assertEquals(text("HTTP/1.1 200 OK", CLOSE, "ignored"), normalize(client.readResponse()));
            assertTrue(client.serverClosed());
        }
    }
}
