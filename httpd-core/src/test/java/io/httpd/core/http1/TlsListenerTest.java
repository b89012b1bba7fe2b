package io.httpd.core.http1;

import io.httpd.api.ConnectionInfo;
import io.httpd.api.Request;
import io.httpd.api.Response;
import io.httpd.api.Status;
import io.httpd.api.TlsProvider;
import io.httpd.core.event.Events;
import io.httpd.core.config.Limits;
import io.httpd.core.server.Endpoint;
import io.httpd.core.server.HttpServer;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static io.httpd.core.http1.TestContext.route;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A TLS listener beside a plain one: requests know the TLS session; a handshake that fails,
 * stalls or meets plain HTTP is closed cleanly, logged once at DEBUG and counted, and never
 * disturbs other connections; after a provider's reload, new connections get the new context
 * while an open one keeps its own.
 */
class TlsListenerTest {
    private static final String GET = "GET /tls HTTP/1.1\r\nHost: localhost\r\n\r\n";

    /** Answers with what the request knows of its connection. */
    private static Response describe(Request r) {
        ConnectionInfo c = r.connection();
        String tls = c.tls().map(t -> t.protocol() + " " + t.serverName().orElse("-") + " "
                + t.applicationProtocol().orElse("-") + " "
                + t.peerSubject().orElse("-")).orElse("none");
        return Response.text(Status.OK, r.scheme() + " " + tls + "\n");
    }

    private static Limits handshakeTimeout(Duration timeout) {
        Limits d = Limits.defaults();
        return new Limits(d.requestLineBytes(), d.headerBytes(), d.headerCount(), d.bodyBytes(),
                d.connections(), d.headerTimeout(), d.idleTimeout(), d.bodyTimeout(), d.sendTimeout(),
                timeout);
    }

    private static HttpServer start(TestContext t, TlsProvider provider) throws IOException {
        InetSocketAddress any = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        HttpServer server = new HttpServer(Endpoint.all(List.of(any, any),
                Arrays.asList(null, provider), List.of(false, false)), Generations.fixed(t.ctx));
        server.start();
        return server;
    }

    private static String body(String response) {
        return response.substring(response.indexOf("\r\n\r\n") + 4);
    }

    @Test
    void plainAndTlsSideBySideAndTheRequestKnowsItsSession() throws Exception {
        TestContext t = new TestContext(route("/tls", TlsListenerTest::describe));
        TestTls tls = TestTls.shared();
        HttpServer server = start(t, tls.provider());
        try (RawClient plain = new RawClient(server.boundAddresses().get(0));
             RawClient secure = new RawClient(tls.connect(server.boundAddresses().get(1)));
             RawClient tls12 = new RawClient(tls.connect(server.boundAddresses().get(1),
                     "TLSv1.2"))) {
            assertEquals("http none\n", body(plain.send(GET).readResponse()));
            assertEquals("https TLSv1.3 localhost http/1.1 -\n",
                    body(secure.send(GET).readResponse()));
            assertEquals("https TLSv1.2 localhost http/1.1 -\n",
                    body(tls12.send(GET).readResponse()));
            assertEquals("https TLSv1.3 localhost http/1.1 -\n",
                    body(secure.send(GET).readResponse()), "keep-alive over TLS");
            String close = "GET /tls HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
            assertTrue(tls12.send(close).readToEnd().endsWith("https TLSv1.2 localhost http/1.1 -\n"),
                    "Connection: close over TLS 1.2 ends with close_notify and EOF");
        } finally {
            server.stop(Duration.ofSeconds(1));
        }
        List<String> schemes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            schemes.add(t.nextRecord().connection().scheme());
        }
        schemes.sort(null);
        assertEquals(List.of("http", "https", "https", "https", "https"), schemes);
    }

    @Test
    void plainTextRandomBytesStallAndResetCloseCleanlyOnceEachAndOthersAreServed() throws Exception {
        TestContext t = new TestContext(handshakeTimeout(Duration.ofMillis(700)),
                route("/tls", TlsListenerTest::describe));
        TestTls tls = TestTls.shared();
        HttpServer server = start(t, tls.provider());
        InetSocketAddress address = server.boundAddresses().get(1);
        try (LogCapture log = LogCapture.of(TlsTransport.class).debug()) {
            try (RawClient plainText = new RawClient(address)) {
                assertEquals("", textOf(plainText.send(GET).readToEnd()), "no HTTP answer");
            }
            try (RawClient random = new RawClient(address)) {
                random.send("\u0016\u0003\u0001\u0000\u0005\u00ff\u00fe\u00fd\u00fc\u00fb");
                random.readToEnd();
            }
            long start = System.nanoTime();
            try (RawClient half = new RawClient(address)) {
                // the first bytes of a ClientHello, then nothing: closed at the deadline
                half.send("\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u01fc\u0003\u0003");
                half.readToEnd();
            }
            long took = (System.nanoTime() - start) / 1_000_000;
            try (Socket reset = new Socket(address.getAddress(), address.getPort())) {
                reset.getOutputStream().write(new byte[] {0x16, 0x03, 0x01, 0x02, 0x00, 0x01});
                reset.setSoLinger(true, 0); // close sends a reset mid-handshake
            }
            assertTrue(took >= 600 && took < 5000, "closed after " + took + " ms");
            try (RawClient good = new RawClient(tls.connect(address))) {
                assertEquals("https TLSv1.3 localhost http/1.1 -\n",
                        body(good.send(GET).readResponse()));
            }
            // the reset one fails on its own thread
            Await.until(() -> t.counters.snapshot().tlsHandshakeFailures() >= 4,
                    Duration.ofSeconds(5), () -> "4 handshake failures: " + t.counters.snapshot());
            assertEquals(4, t.counters.snapshot().tlsHandshakeFailures());
            List<String> fails = log.events().stream()
                    .filter(e -> e.startsWith("DEBUG " + Events.TLS_HANDSHAKE_FAIL)).toList();
            assertEquals(4, fails.size(), fails.toString());
            assertTrue(fails.stream().anyMatch(e -> e.endsWith("reason=handshake timeout")),
                    fails.toString());
            assertTrue(t.records().size() <= 1, "no access record for a failed handshake");
        } finally {
            server.stop(Duration.ofSeconds(1));
        }
    }

    private static String textOf(String bytes) {
        return bytes.contains("HTTP/1.1") ? bytes : "";
    }

    @Test
    void aThousandSilentConnectionsDoNotStopATlsClient() throws Exception {
        TestContext t = new TestContext(route("/tls", TlsListenerTest::describe));
        TestTls tls = TestTls.shared();
        HttpServer server = start(t, tls.provider());
        InetSocketAddress address = server.boundAddresses().get(1);
        List<Socket> silent = new ArrayList<>();
        try {
            for (int i = 0; i < 1000; i++) {
                silent.add(new Socket(address.getAddress(), address.getPort()));
            }
            try (RawClient good = new RawClient(tls.connect(address))) {
                assertEquals("https TLSv1.3 localhost http/1.1 -\n",
                        body(good.send(GET).readResponse()));
            }
        } finally {
            for (Socket s : silent) {
                s.close();
            }
            server.stop(Duration.ofSeconds(1));
        }
    }

    @Test
    void afterAReloadNewConnectionsGetTheNewCertificateAndOpenOnesKeepWorking() throws Exception {
        TestTls first = TestTls.make("CN=first");
        TestTls second = TestTls.make("CN=second");
        AtomicReference<SSLContext> current = new AtomicReference<>(first.serverContext());
        TlsProvider provider = new TlsProvider() {
            @Override
            public SSLContext context() {
                return current.get();
            }

            @Override
            public SSLParameters parameters() {
                return current.get().getDefaultSSLParameters();
            }
        };
        TestContext t = new TestContext(route("/tls", TlsListenerTest::describe));
        HttpServer server = start(t, provider);
        InetSocketAddress address = server.boundAddresses().get(1);
        try (SSLSocket old = first.connect(address); RawClient oldClient = new RawClient(old)) {
            assertEquals("https TLSv1.3 localhost - -\n",
                    body(oldClient.send(GET).readResponse()));
            current.set(second.serverContext()); // what TlsProvider.reload() does
            try (SSLSocket fresh = second.connect(address)) {
                assertEquals(second.certificate, fresh.getSession().getPeerCertificates()[0]);
            }
            assertEquals("https TLSv1.3 localhost - -\n",
                    body(oldClient.send(GET).readResponse()), "the open connection goes on");
            assertEquals(first.certificate, old.getSession().getPeerCertificates()[0]);
        } finally {
            server.stop(Duration.ofSeconds(1));
        }
    }
}
