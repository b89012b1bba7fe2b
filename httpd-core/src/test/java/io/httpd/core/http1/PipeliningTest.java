package io.httpd.core.http1;

import io.httpd.api.Method;
import io.httpd.api.Response;
import io.httpd.api.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import static io.httpd.core.http1.TestContext.CLOSE;
import static io.httpd.core.http1.TestContext.error;
import static io.httpd.core.http1.TestContext.text;
import static io.httpd.core.http1.TestContext.normalize;
import static io.httpd.core.http1.TestContext.route;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Pipelining (RFC 9112 §9.3.2): requests sent together are answered in order, each response
 * complete, without waiting for the client to read or close.
 */
class PipeliningTest {
    private final TestContext t = new TestContext(route("/", r -> {
        String body = new String(r.body().readAllBytes(), StandardCharsets.ISO_8859_1);
        return Response.text(Status.OK, r.method() + " " + r.path() + " " + body);
    }, Set.of(Method.GET, Method.HEAD, Method.POST)));

    static String ok(String body) {
        return text("HTTP/1.1 200 OK", "", body);
    }

    static final String REQUESTS = "GET /1 HTTP/1.1\r\nHost: a\r\n\r\n"
            + "POST /2 HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello"
            + "GET /3 HTTP/1.1\r\nHost: a\r\n\r\n";

    @ParameterizedTest
    @EnumSource(Wire.class)
    void threeRequestsInOneWriteGetThreeResponsesInOrder(Wire wire) throws Exception {
        assertEquals(ok("GET /1 ") + ok("POST /2 hello") + ok("GET /3 "),
                wire.exchange(t.ctx, REQUESTS));
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void anErrorStopsThePipeline(Wire wire) throws Exception {
        assertEquals(ok("GET /1 ") + error(400, Violation.HOST_REPEATED.reason, CLOSE),
                wire.exchange(t.ctx, "GET /1 HTTP/1.1\r\nHost: a\r\n\r\n"
                        + "GET /2 HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"
                        + "GET /3 HTTP/1.1\r\nHost: a\r\n\r\n"));
    }

    @Test
    void responsesLeaveWhileTheClientKeepsTheConnectionOpen() throws Exception {
        try (TestServer server = TestServer.start(t.ctx); RawClient client = server.connect()) {
            client.send(REQUESTS);
            assertEquals(ok("GET /1 "), normalize(client.readResponse()));
            assertEquals(ok("POST /2 hello"), normalize(client.readResponse()));
            assertEquals(ok("GET /3 "), normalize(client.readResponse()));
        }
    }
}
