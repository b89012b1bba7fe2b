package io.httpd.core.http1;

import io.httpd.api.AccessRecord;
import io.httpd.api.Method;
import io.httpd.api.Response;
import io.httpd.api.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Set;
import java.util.stream.Stream;

import static io.httpd.core.http1.TestContext.DATE_SERVER;
import static io.httpd.core.http1.TestContext.normalize;
import static io.httpd.core.http1.TestContext.route;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code redirect_https} on a plain listener: every request gets a 308 Permanent Redirect
 * (RFC 9110 §15.4.9) to the host it named, on the https port, with the same target; the
 * handler never runs.
 */
class HttpsRedirectTest {
    private final TestContext t = new TestContext(route("/", r -> Response.text(Status.OK,
            "handler ran\n"), Set.of(Method.GET, Method.HEAD, Method.POST)));

    /** (request bytes, the Location the 308 must carry). */
    static Stream<Arguments> locations() {
        return Stream.of(
                Arguments.of("GET /a/b?x=1&y=%20 HTTP/1.1\r\nHost: example.com:8080\r\n\r\n",
                        "https://example.com:8443/a/b?x=1&y=%20"),
                Arguments.of("GET / HTTP/1.1\r\nHost: Example.COM\r\n\r\n",
                        "https://Example.COM:8443/"),
                // RFC 3986 §3.2.2: an IPv6 literal keeps its brackets, loses its port
                Arguments.of("GET /v6 HTTP/1.1\r\nHost: [::1]:8080\r\n\r\n",
                        "https://[::1]:8443/v6"),
                Arguments.of("GET /v6?q HTTP/1.1\r\nHost: [2001:db8::1]\r\n\r\n",
                        "https://[2001:db8::1]:8443/v6?q"),
                // RFC 9112 §3.2.2: absolute-form's authority wins over Host
                Arguments.of("GET http://other.example:80/x?y=1 HTTP/1.1\r\nHost: a\r\n\r\n",
                        "https://other.example:8443/x?y=1"),
                Arguments.of("GET http://other.example?y=1 HTTP/1.1\r\nHost: a\r\n\r\n",
                        "https://other.example:8443/?y=1"),
                // HTTP/1.0 without Host (RFC 9112 §3.2 needs it in 1.1 only): the listener's address
                Arguments.of("GET /old?q=1 HTTP/1.0\r\n\r\n", "https://127.0.0.1:8443/old?q=1"),
                Arguments.of("GET /empty HTTP/1.1\r\nHost: \r\n\r\n", "https://127.0.0.1:8443/empty"),
                Arguments.of("OPTIONS * HTTP/1.1\r\nHost: example.com\r\n\r\n",
                        "https://example.com:8443/"),
                Arguments.of("POST /form HTTP/1.1\r\nHost: example.com\r\nContent-Length: 5\r\n\r\n"
                        + "a=b&c", "https://example.com:8443/form"));
    }

    @ParameterizedTest
    @MethodSource("locations")
    void answers308WithTheHttpsLocation(String request, String location) throws Exception {
        try (TestServer server = TestServer.start(t.ctx, null, new HttpsUpgrade(8443, ""));
             RawClient client = server.connect()) {
            String response = normalize(client.send(request).readResponse());
            String body = "308 Permanent Redirect: " + location + "\n";
            boolean http10 = request.contains("HTTP/1.0\r\n");
            assertEquals("HTTP/1.1 308 Permanent Redirect\r\n" + TestContext.TEXT + "Location: "
                    + location + "\r\n" + DATE_SERVER + (http10 ? TestContext.CLOSE : "")
                    + "Content-Length: " + body.length() + "\r\n\r\n" + body, response);
            AccessRecord record = t.nextRecord();
            assertEquals(308, record.status());
        }
    }

    @Test
    void port443IsLeftOutAndTheConnectionStaysOpen() throws Exception {
        try (TestServer server = TestServer.start(t.ctx, null, new HttpsUpgrade(443, ""));
             RawClient client = server.connect()) {
            String first = client.send("GET /a HTTP/1.1\r\nHost: example.com:80\r\n\r\n")
                    .readResponse();
            String second = client.send("HEAD /b?c HTTP/1.1\r\nHost: example.com\r\n\r\n")
                    .readHead();
            assertTrue(first.contains("\r\nLocation: https://example.com/a\r\n"), first);
            assertTrue(second.startsWith("HTTP/1.1 308 Permanent Redirect\r\n"), second);
            assertTrue(second.contains("\r\nLocation: https://example.com/b?c\r\n"), second);
        }
    }

    @Test
    void aListenerWithoutTheKeyServesAsBefore() throws Exception {
        try (TestServer server = TestServer.start(t.ctx);
             RawClient client = server.connect()) {
            String response = client.send("GET /a HTTP/1.1\r\nHost: example.com\r\n\r\n")
                    .readResponse();
            assertTrue(response.startsWith("HTTP/1.1 200 OK\r\n"), response);
            assertTrue(response.endsWith("handler ran\n"), response);
        }
    }
}
