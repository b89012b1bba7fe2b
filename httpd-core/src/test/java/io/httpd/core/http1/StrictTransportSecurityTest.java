package io.httpd.core.http1;

import io.httpd.api.Headers;
import io.httpd.api.Response;
import io.httpd.api.Status;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static io.httpd.core.http1.TestContext.normalize;
import static io.httpd.core.http1.TestContext.route;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code hsts} on a TLS listener: every response over a real TLS handshake carries
 * Strict-Transport-Security (RFC 6797 §7.1), the core's own errors too, unless the handler
 * set its own.
 */
class StrictTransportSecurityTest {
    private static final String HSTS = "max-age=31536000; includeSubDomains";
    private final TestContext t = new TestContext(
            route("/page", r -> Response.text(Status.OK, "page\n")),
            route("/own", r -> new Response(Status.OK,
                    Headers.of("Strict-Transport-Security", "max-age=0"), Response.Body.EMPTY)));

    /** (request, the status line, the Strict-Transport-Security value the response must carry). */
    static Stream<Arguments> responses() {
        return Stream.of(
                Arguments.of("GET /page HTTP/1.1\r\nHost: localhost\r\n\r\n", "HTTP/1.1 200 OK",
                        HSTS),
                Arguments.of("GET /nowhere HTTP/1.1\r\nHost: localhost\r\n\r\n",
                        "HTTP/1.1 404 Not Found", HSTS),
                Arguments.of("GET /page HTTP/1.1\r\n\r\n", "HTTP/1.1 400 Bad Request", HSTS),
                Arguments.of("GET /own HTTP/1.1\r\nHost: localhost\r\n\r\n", "HTTP/1.1 200 OK",
                        "max-age=0"));
    }

    @ParameterizedTest
    @MethodSource("responses")
    void everyResponseOverTlsCarriesIt(String request, String statusLine, String value)
            throws Exception {
        try (TestServer server = TestServer.start(t.ctx, TestTls.shared(),
                new HttpsUpgrade(0, HSTS));
             RawClient client = server.connect()) {
            String head = normalize(client.send(request).readHead());
            assertEquals(statusLine, head.substring(0, head.indexOf("\r\n")), head);
            assertEquals(1, head.split("\r\nStrict-Transport-Security: ", -1).length - 1, head);
            assertEquals(true, head.contains("\r\nStrict-Transport-Security: " + value + "\r\n"),
                    head);
        }
    }

    @ParameterizedTest
    @MethodSource("responses")
    void aTlsListenerWithoutTheKeySendsNone(String request, String statusLine, String value)
            throws Exception {
        try (TestServer server = TestServer.start(t.ctx, TestTls.shared());
             RawClient client = server.connect()) {
            String head = client.send(request).readHead();
            assertEquals(request.contains("/own "),
                    head.contains("\r\nStrict-Transport-Security: "), head);
        }
    }
}
