package io.httpd.core.http1;

import io.httpd.core.server.Endpoint;
import io.httpd.core.server.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/** A real {@link HttpServer} on 127.0.0.1, on a port the system picks, stopped on close. */
final class TestServer implements AutoCloseable {
    private final HttpServer server;
    private final TestTls tls;

    private TestServer(HttpServer server, TestTls tls) {
        this.server = server;
        this.tls = tls;
    }

    static TestServer start(Http1Context ctx) {
        return start(ctx, null);
    }

    /** A server whose one listener speaks TLS with this certificate (null: plain HTTP). */
    static TestServer start(Http1Context ctx, TestTls tls) {
        return start(ctx, tls, HttpsUpgrade.NONE);
    }

    /** A server whose one listener redirects to https or sends HSTS. */
    static TestServer start(Http1Context ctx, TestTls tls, HttpsUpgrade https) {
        SocketCalls.link(); // now, not a second after the pollers start: every test meets them
        HttpServer server = new HttpServer(List.of(new Endpoint("test",
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                tls == null ? null : tls.provider(), false, false, https)), Generations.fixed(ctx));
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TestServer(server, tls);
    }

    InetSocketAddress address() {
        return server.boundAddresses().getFirst();
    }

    /** A new client connection to this server, handshaken when it speaks TLS. */
    RawClient connect() {
        return tls == null ? new RawClient(address()) : new RawClient(tls.connect(address()));
    }

    @Override
    public void close() throws InterruptedException {
        server.stop(Duration.ofSeconds(2));
    }
}
