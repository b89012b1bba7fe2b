package io.httpd.core.http1;

import io.httpd.api.AccessRecord;
import io.httpd.api.Response;
import io.httpd.api.Status;
import io.httpd.core.server.Endpoint;
import io.httpd.core.server.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.httpd.core.http1.TestContext.normalize;
import static io.httpd.core.http1.TestContext.route;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code [[listen]] proxy_protocol = true} over real sockets: the PROXY header's client is the
 * request's client and the access record's, on every request of the connection; a connection
 * without a valid header gets 400 and is closed, with no access record; a listener that did not
 * enable it treats the header as a bad request line.
 */
class ProxyProtocolListenerTest {
    private static final String GET = "GET /ok HTTP/1.1\r\nHost: a\r\n\r\n";
    private static final String OK = TestContext.text("HTTP/1.1 200 OK", "", "ok");
    private final TestContext t = new TestContext(
            TestContext.timeouts(Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofSeconds(5)),
            route("/ok", r -> Response.text(Status.OK, "ok")));
    private HttpServer server;

    private InetSocketAddress start(boolean proxyProtocol) throws IOException {
        return start(proxyProtocol, null);
    }

    private InetSocketAddress start(boolean proxyProtocol, TestTls tls) throws IOException {
        server = new HttpServer(Endpoint.all(
                List.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)),
                java.util.Collections.singletonList(tls == null ? null : tls.provider()),
                List.of(proxyProtocol)), Generations.fixed(t.ctx));
        server.start();
        return server.boundAddresses().getFirst();
    }

    @AfterEach
    void stop() throws InterruptedException {
        server.stop(Duration.ofSeconds(2));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "v1 TCP4 | PROXY TCP4 192.0.2.1 198.51.100.2 56324 443\\r\\n | 192.0.2.1:56324",
        "v1 TCP6 | PROXY TCP6 2001:db8::1 2001:db8::2 4711 443\\r\\n | [2001:db8:0:0:0:0:0:1]:4711",
        "v1 UNKNOWN: the peer | PROXY UNKNOWN\\r\\n | peer",
    })
    void theHeadersClientIsTheRequestsOnEveryRequest(String name, String header, String client)
            throws Exception {
        try (RawClient c = new RawClient(start(true))) {
            c.send(header.replace("\\r\\n", "\r\n") + GET);
            assertEquals(OK, normalize(c.readResponse()));
            c.send(GET);
            assertEquals(OK, normalize(c.readResponse()));
        }
        for (int i = 0; i < 2; i++) {
            AccessRecord r = t.nextRecord();
            String expected = client.equals("peer") ? HttpServer.format(r.connection().remote())
                    : client;
            assertEquals(expected, HttpServer.format(r.client()));
            assertEquals(expected, HttpServer.format(r.connection().client()));
            assertTrue(r.connection().remote().getAddress().isLoopbackAddress(), "the peer stays");
        }
    }

    @Test
    void aV2HeaderSplitAcrossWritesThenTheRequest() throws Exception {
        String v2 = ProxyHeaderTest.v2(0x21, 0x11, 12 + 5,
                ProxyHeaderTest.inet4(203, 0, 113, 7, 10, 0, 0, 1, 1234, 80), "\u0001\u0000\u0002h2");
        try (RawClient c = new RawClient(start(true))) {
            c.send(v2.substring(0, 5));
            TimeUnit.MILLISECONDS.sleep(50); // separate segments, so separate reads
            c.send(v2.substring(5, 20));
            TimeUnit.MILLISECONDS.sleep(50);
            c.send(v2.substring(20) + GET.substring(0, 3));
            TimeUnit.MILLISECONDS.sleep(50);
            c.send(GET.substring(3));
            assertEquals(OK, normalize(c.readResponse()));
        }
        assertEquals("203.0.113.7:1234", HttpServer.format(t.nextRecord().client()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no header, a request | GET /ok HTTP/1.1\\r\\nHost: a\\r\\n\\r\\n",
        "broken v1            | PROXY TCP4 192.0.2.1 nonsense\\r\\nGET /ok HTTP/1.1\\r\\n\\r\\n",
        "v2 with family 9     | \\r\\n\\r\\n\\u0000\\r\\nQUIT\\n\\u0021\\u0091\\u0000\\u0000GET / HTTP/1.1\\r\\n\\r\\n",
    })
    void aMissingOrBrokenHeaderIs400AndClose(String name, String sent) throws Exception {
        String bytes = sent.replace("\\r", "\r").replace("\\n", "\n").replace("\\u0000", "\0")
                .replace("\\u0021", "\u0021").replace("\\u0091", "\u0091");
        try (RawClient c = new RawClient(start(true))) {
            c.send(bytes);
            assertEquals("HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\n"
                    + "Content-Length: 48\r\nConnection: close\r\n\r\n"
                    + "400 Bad Request: no valid PROXY protocol header\n", c.readToEnd());
        }
        assertNull(t.accessLog.poll(200, TimeUnit.MILLISECONDS), "no request was read");
    }

    /** The header comes before the ClientHello: read exactly, the handshake sees the rest. */
    @Test
    void onATlsListenerTheHeaderPrecedesTheHandshake() throws Exception {
        TestTls tls = TestTls.shared();
        InetSocketAddress address = start(true, tls);
        try (java.net.Socket raw = new java.net.Socket(address.getAddress(), address.getPort())) {
            raw.getOutputStream().write(ProxyHeaderTest.bytes(
                    "PROXY TCP6 2001:db8::9 2001:db8::1 4433 443\r\n"));
            var ssl = (javax.net.ssl.SSLSocket) tls.clientContext().getSocketFactory()
                    .createSocket(raw, address.getHostString(), address.getPort(), false);
            ssl.startHandshake();
            try (RawClient c = new RawClient(ssl)) {
                c.send(GET);
                assertEquals(OK, normalize(c.readResponse()));
            }
        }
        AccessRecord r = t.nextRecord();
        assertEquals("[2001:db8:0:0:0:0:0:9]:4433", HttpServer.format(r.client()));
        assertTrue(r.connection().tls().isPresent());
    }

    @Test
    void aHeaderNotCompleteInTimeClosesWithoutAResponse() throws Exception {
        try (RawClient c = new RawClient(start(true))) {
            c.send("PROXY TCP4 192.0.2.1 ");
            assertEquals("", c.readToEnd(), "closed after the 500 ms header timeout");
        }
    }

    @Test
    void aListenerWithoutItAnswersTheHeaderAsABadRequestLine() throws Exception {
        try (RawClient c = new RawClient(start(false))) {
            c.send("PROXY TCP4 192.0.2.1 198.51.100.2 56324 443\r\n" + GET);
            String response = c.readToEnd();
            assertTrue(response.startsWith("HTTP/1.1 400 Bad Request\r\n"), response);
            assertTrue(response.contains("Connection: close\r\n"), response);
        }
        AccessRecord r = t.nextRecord();
        assertEquals(400, r.status());
        assertEquals(r.connection().remote(), r.client(), "the peer, not the header's claim");
    }
}
