package io.httpd.core.http1;

import io.httpd.api.Headers;
import io.httpd.api.Method;
import io.httpd.api.Response;
import io.httpd.api.Status;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static io.httpd.core.http1.TestContext.CLOSE;
import static io.httpd.core.http1.TestContext.DATE_SERVER;
import static io.httpd.core.http1.TestContext.TEXT;
import static io.httpd.core.http1.TestContext.error;
import static io.httpd.core.http1.TestContext.route;
import static io.httpd.core.http1.TestContext.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * HEAD (RFC 9110 §9.3.2): the same header fields as GET, Content-Length included, and no
 * content; a streamed body is not even produced. GET implies HEAD.
 */
class HeadRequestTest {
    static final List<String> PATHS = List.of("/bytes", "/streamed", "/known", "/empty", "/missing");

    private final AtomicInteger writerRuns = new AtomicInteger();
    private final TestContext t = new TestContext(
            route("/bytes", r -> Response.text(Status.OK, "hello")),
            route("/streamed", r -> streamed(-1)),
            route("/known", r -> streamed(5)),
            route("/empty", r -> Response.empty(Status.OK).withHeader("X-Empty", "yes")),
            route("/get-only", r -> Response.text(Status.OK, "got"), Set.of(Method.GET)));

    private Response streamed(long length) {
        return new Response(Status.OK, Headers.of("Content-Type", "text/plain"),
                new Response.Body.Streamed(length, out -> {
                    writerRuns.incrementAndGet();
                    out.write("hello".getBytes(StandardCharsets.ISO_8859_1));
                }));
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void headAnswersWithTheHeadOfGet(Wire wire) throws Exception {
        for (String path : PATHS) {
            String get = wire.exchange(t.ctx, "GET " + path + " HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
            String head = wire.exchange(t.ctx, "HEAD " + path + " HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
            assertEquals(get.substring(0, get.indexOf("\r\n\r\n") + 4), head, path);
        }
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void noContentFollowsTheHead(Wire wire) throws Exception {
        assertEquals("HTTP/1.1 200 OK\r\n" + TEXT + DATE_SERVER + "Content-Length: 5\r\n\r\n"
                        + text("HTTP/1.1 200 OK", "", "hello"),
                wire.exchange(t.ctx, "HEAD /bytes HTTP/1.1\r\nHost: a\r\n\r\nGET /bytes HTTP/1.1\r\nHost: a\r\n\r\n"));
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void aStreamedBodyIsNotProduced(Wire wire) throws Exception {
        assertEquals("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n" + DATE_SERVER
                        + "Transfer-Encoding: chunked\r\n\r\n"
                        + "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n" + DATE_SERVER
                        + "Content-Length: 5\r\n\r\n",
                wire.exchange(t.ctx, "HEAD /streamed HTTP/1.1\r\nHost: a\r\n\r\nHEAD /known HTTP/1.1\r\nHost: a\r\n\r\n"));
        assertEquals(0, writerRuns.get());
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void aRejectedHeadGetsNoContentEither(Wire wire) throws Exception {
        String bad = error(400, Violation.HOST_MISSING.reason, CLOSE);
        assertEquals(bad.substring(0, bad.indexOf("\r\n\r\n") + 4),
                wire.exchange(t.ctx, "HEAD / HTTP/1.1\r\n\r\n"));
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void getImpliesHead(Wire wire) throws Exception {
        assertEquals("HTTP/1.1 200 OK\r\n" + TEXT + DATE_SERVER + "Content-Length: 3\r\n\r\n",
                wire.exchange(t.ctx, "HEAD /get-only HTTP/1.1\r\nHost: a\r\n\r\n"));
    }
}
