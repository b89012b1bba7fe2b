package io.httpd.core.http1;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * A real TCP connection on 127.0.0.1: the client's socket (reads time out after 10 s) and the
 * server's side as the engine sees it, a transport over the accepted channel of either
 * {@link Kind}. A test class holds one per test as a field: {@code @AutoClose final SocketPair
 * pair = SocketPair.open(kind);}.
 */
record SocketPair(Socket client, SocketChannel accepted, Transport server)
        implements AutoCloseable {

    /** How the server's side waits for the peer. */
    enum Kind {
        /** A blocking channel, its thread parked in the JDK: PROXY listeners, before TLS. */
        BLOCKING,
        /** A non-blocking channel that a {@link Poller} waits for: plain listeners. */
        POLLED;

        Transport over(SocketChannel accepted) throws IOException {
            return this == BLOCKING ? new SocketTransport(accepted) : new PolledTransport(accepted);
        }
    }

    static SocketPair open(Kind kind) {
        try (ServerSocketChannel listener = ServerSocketChannel.open()
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            Socket client = new Socket();
            client.connect(listener.getLocalAddress(), 5000);
            client.setSoTimeout(10_000);
            SocketChannel accepted = listener.accept();
            return new SocketPair(client, accepted, kind.over(accepted));
        } catch (IOException e) {
            throw new UncheckedIOException("no connection on 127.0.0.1", e);
        }
    }

    /** The server's side as {@link ReadDeadlines} watches it. */
    ReadDeadlines.Watched watched() {
        return (ReadDeadlines.Watched) server;
    }

    @Override
    public void close() throws IOException {
        client.close();
        server.close();
    }
}
