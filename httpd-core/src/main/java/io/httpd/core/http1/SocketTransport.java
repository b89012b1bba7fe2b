package io.httpd.core.http1;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;

/** A {@link Transport} over a blocking socket channel, with sendfile for file regions. */
public final class SocketTransport implements Transport {
    private final SocketChannel channel;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final InetSocketAddress remote;
    private int timeout = -1;
    private long fileBytesSent;

    public SocketTransport(SocketChannel channel) throws IOException {
        this.channel = channel;
        this.socket = channel.socket();
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.remote = (InetSocketAddress) channel.getRemoteAddress();
    }

    @Override
    public InputStream input() {
        return in;
    }

    @Override
    public OutputStream output() {
        return out;
    }

    @Override
    public InetSocketAddress remote() {
        return remote;
    }

    @Override
    public void readTimeout(int millis) throws IOException {
        if (millis != timeout) {
            socket.setSoTimeout(millis);
            timeout = millis;
        }
    }

    @Override
    public boolean transferFile(FileChannel file, long position, long count) throws IOException {
        long end = position + count;
        while (position < end) {
            long n = file.transferTo(position, end - position, channel);
            if (n <= 0 && position >= file.size()) {
                throw new IOException("file shrank while being sent");
            }
            position += n;
            fileBytesSent += n;
        }
        return true;
    }

    @Override
    public long fileBytesSent() {
        return fileBytesSent;
    }

    @Override
    public void shutdownOutput() throws IOException {
        channel.shutdownOutput();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
