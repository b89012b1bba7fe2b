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
 * server's side as the engine sees it, a {@link PolledTransport} over the accepted channel. A
 * test class holds one per test as a field: {@code @AutoClose final SocketPair pair =
 * SocketPair.open();}.
 */
record SocketPair(Socket client, SocketChannel accepted, PolledTransport server)
        implements AutoCloseable {

    static SocketPair open() {
        return open(true);
    }

    /** With {@code systemCalls} false, the server's side does all through the JDK's channel. */
    static SocketPair open(boolean systemCalls) {
        try (ServerSocketChannel listener = ServerSocketChannel.open()
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            Socket client = new Socket();
            client.connect(listener.getLocalAddress(), 5000);
            client.setSoTimeout(10_000);
            SocketChannel accepted = listener.accept();
            if (systemCalls) {
                SocketCalls.link(); // now, not a moment after the pollers start
            }
            return new SocketPair(client, accepted, new PolledTransport(accepted, !systemCalls));
        } catch (IOException e) {
            throw new UncheckedIOException("no connection on 127.0.0.1", e);
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
        server.close();
    }
}
