package io.httpd.core.http1;

import io.httpd.api.Response;
import io.httpd.api.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static io.httpd.core.http1.TestContext.DATE_SERVER;
import static io.httpd.core.http1.TestContext.TEXT;
import static io.httpd.core.http1.TestContext.normalize;
import static io.httpd.core.http1.TestContext.route;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * Persistence (RFC 9112 §9.3): HTTP/1.1 persists unless "close"; HTTP/1.0 only with
 * "keep-alive", which is then answered with "keep-alive"; "close" is answered with "close" and
 * the server closes.
 */
class KeepAliveTest {
    static final String GET = "GET / HTTP/1.1\r\nHost: a\r\n\r\n";
    static final String HI = TEXT + DATE_SERVER;

    private final TestContext t = new TestContext(route("/", r -> Response.text(Status.OK, "hi")));

    @ParameterizedTest
    @EnumSource(Wire.class)
    void http11PersistsByDefault(Wire wire) throws Exception {
        assertEquals(("HTTP/1.1 200 OK\r\n" + HI + "Content-Length: 2\r\n\r\nhi").repeat(2),
                wire.exchange(t.ctx, GET + GET));
    }

    /** Requests that do not persist: "close" from an HTTP/1.1 client, HTTP/1.0 by default. */
    static Stream<Arguments> lastRequests() {
        return Wire.across(
                argumentSet("close is answered with close and ends the connection",
                        "GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n"),
                argumentSet("HTTP/1.0 closes by default", "GET / HTTP/1.0\r\n\r\n"));
    }

    @ParameterizedTest
    @MethodSource("lastRequests")
    void aRequestThatDoesNotPersistIsAnsweredWithCloseAndTheNextIsNotRead(String request, Wire wire)
            throws Exception {
        assertEquals("HTTP/1.1 200 OK\r\n" + HI + "Connection: close\r\nContent-Length: 2\r\n\r\nhi",
                wire.exchange(t.ctx, request + GET));
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void http10KeepAliveIsAnsweredWithKeepAlive(Wire wire) throws Exception {
        String keepAlive = "GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n";
        assertEquals(("HTTP/1.1 200 OK\r\n" + HI + "Connection: keep-alive\r\nContent-Length: 2\r\n\r\nhi").repeat(2),
                wire.exchange(t.ctx, keepAlive + keepAlive));
    }

    @Test
    void overSocketTheConnectionStaysOpenUntilClose() throws Exception {
        String ok = "HTTP/1.1 200 OK\r\n" + HI + "Content-Length: 2\r\n\r\nhi";
        try (TestServer server = TestServer.start(t.ctx); RawClient client = server.connect()) {
            assertEquals(ok, normalize(client.send(GET).readResponse()));
            assertEquals(ok, normalize(client.send(GET).readResponse()));
            client.send("GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
            assertEquals("HTTP/1.1 200 OK\r\n" + HI + "Connection: close\r\nContent-Length: 2\r\n\r\nhi",
                    normalize(client.readResponse()));
            assertTrue(client.serverClosed(), "the server closes after Connection: close");
        }
    }
}
