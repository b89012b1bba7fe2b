package io.httpd.core.http1;

import io.httpd.api.Method;
import io.httpd.api.Response;
import io.httpd.api.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Set;
import java.util.stream.Stream;

import static io.httpd.core.http1.TestContext.BODY_LIMIT;
import static io.httpd.core.http1.TestContext.CLOSE;
import static io.httpd.core.http1.TestContext.error;
import static io.httpd.core.http1.TestContext.normalize;
import static io.httpd.core.http1.TestContext.route;
import static io.httpd.core.http1.TestContext.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * The size limits: request line (414), header section and field count (431), request content
 * over the route's body limit (413, by Content-Length before reading, or while a handler reads
 * chunked content). Each answer closes the connection.
 */
class LimitsTest {
    static final String GET = "GET / HTTP/1.1\r\nHost: a\r\n\r\n";

    private final TestContext t = new TestContext(TestContext.headLimits(64, 128, 4),
            route("/", r -> Response.text(Status.OK, "read " + r.body().readAllBytes().length),
                    Set.of(Method.GET, Method.POST)));

    /** Over each limit: the status, then the connection closes (the request after is not read). */
    static Stream<Arguments> overALimit() {
        String chunk = "200\r\n" + "x".repeat(0x200) + "\r\n";
        return Wire.across(
                argumentSet("request line over the limit: 414",
                        "GET /" + "a".repeat(60) + " HTTP/1.1\r\nHost: a\r\n\r\n",
                        error(414, Violation.REQUEST_LINE_TOO_LONG.reason, CLOSE)),
                argumentSet("header section over the limit: 431",
                        "GET / HTTP/1.1\r\nHost: a\r\nX: " + "v".repeat(120) + "\r\n\r\n",
                        error(431, Violation.HEADER_SECTION_TOO_LARGE.reason, CLOSE)),
                argumentSet("too many fields: 431",
                        "GET / HTTP/1.1\r\nHost: a\r\n" + "X: 1\r\n".repeat(4) + "\r\n",
                        error(431, "more than 4 header fields", CLOSE)),
                argumentSet("Content-Length over the route's limit: 413 before reading",
                        "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: " + (BODY_LIMIT + 1) + "\r\n\r\n",
                        error(413, Violation.BODY_TOO_LARGE.reason, CLOSE)),
                argumentSet("chunked content over the route's limit: 413",
                        "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
                                + chunk + chunk + "1\r\nx\r\n0\r\n\r\n",
                        error(413, Violation.BODY_TOO_LARGE.reason, CLOSE)));
    }

    @ParameterizedTest
    @MethodSource("overALimit")
    void overALimitIsRefusedAndCloses(String request, String expected, Wire wire) throws Exception {
        assertEquals(expected, wire.exchange(t.ctx, request + GET));
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void requestLineAtTheLimitIsServed(Wire wire) throws Exception {
        assertEquals(text("HTTP/1.1 200 OK", "", "read 0"),
                wire.exchange(t.ctx, "GET /" + "a".repeat(50) + " HTTP/1.1\r\nHost: a\r\n\r\n"));
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void contentAtTheRouteLimitIsRead(Wire wire) throws Exception {
        assertEquals(text("HTTP/1.1 200 OK", "", "read " + BODY_LIMIT),
                wire.exchange(t.ctx, "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: " + BODY_LIMIT
                        + "\r\n\r\n" + "x".repeat((int) BODY_LIMIT)));
    }

    /** RFC 9112 §9.6: closing with unread input would reset the connection under the 413. */
    @Test
    void aClientStillUploadingReceivesThe413() throws Exception {
        int length = 300_000;
        try (TestServer server = TestServer.start(t.ctx); RawClient client = server.connect()) {
            client.send("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: " + length + "\r\n\r\n"
                    + "x".repeat(length));
            assertEquals(error(413, Violation.BODY_TOO_LARGE.reason, CLOSE), normalize(client.readResponse()));
            assertTrue(client.serverClosed());
        }
    }
}
