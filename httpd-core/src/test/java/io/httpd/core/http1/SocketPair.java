package io.httpd.core.http1;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * A real TCP connection on 127.0.0.1: the client's socket (reads time out after 10 s) and the
 * server's side as the engine sees it, a {@link SocketTransport} over the accepted channel.
 */
record SocketPair(Socket client, SocketChannel accepted, SocketTransport server)
        implements AutoCloseable {

    static SocketPair open() throws IOException {
        try (ServerSocketChannel listener = ServerSocketChannel.open()
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            Socket client = new Socket();
            client.connect(listener.getLocalAddress(), 5000);
            client.setSoTimeout(10_000);
            SocketChannel accepted = listener.accept();
            return new SocketPair(client, accepted, new SocketTransport(accepted));
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
        server.close();
    }
}
