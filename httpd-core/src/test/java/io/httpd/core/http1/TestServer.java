package io.httpd.core.http1;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/** A real {@link HttpServer} on 127.0.0.1, on a port the system picks, stopped on close. */
final class TestServer implements AutoCloseable {
    private final HttpServer server;

    private TestServer(HttpServer server) {
        this.server = server;
    }

    static TestServer start(Http1Context ctx) {
        HttpServer server = new HttpServer(
                List.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)), ctx);
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TestServer(server);
    }

    InetSocketAddress address() {
        return server.boundAddresses().getFirst();
    }

    /** A new client connection to this server. */
    RawClient connect() {
        return new RawClient(address());
    }

    @Override
    public void close() throws InterruptedException {
        server.stop(Duration.ofSeconds(2));
    }
}
