package io.httpd.core.http1;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * A raw socket client: writes bytes as given, reads bytes exactly as they arrive. Every read
 * waits at most 5 s, so a server that never answers fails the test instead of hanging it.
 */
public final class RawClient implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;

    public RawClient(InetSocketAddress address) {
        this(connect(address));
    }

    /** A client over a connected socket, such as a TLS one. */
    RawClient(Socket socket) {
        try {
            this.socket = socket;
            socket.setSoTimeout(5000);
            in = socket.getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Socket connect(InetSocketAddress address) {
        try {
            Socket socket = new Socket();
            socket.connect(address, 5000);
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends Latin-1 bytes in one write. */
    public RawClient send(String bytes) throws IOException {
        socket.getOutputStream().write(bytes.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        return this;
    }

    /** Tells the server no more bytes will come (the server reads end of stream). */
    void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    /** Reads exactly this many bytes. */
    public String read(int count) throws IOException {
        byte[] b = in.readNBytes(count);
        if (b.length < count) {
            throw new IOException("connection closed after " + b.length + " of " + count
                    + " bytes: " + new String(b, StandardCharsets.ISO_8859_1));
        }
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    /** Reads a response head, up to and including its empty line. */
    public String readHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0; // how much of CR LF CR LF has been seen
        while (state < 4) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("connection closed inside a response head: " + head);
            }
            head.write(c);
            state = c == (state % 2 == 0 ? '\r' : '\n') ? state + 1 : c == '\r' ? 1 : 0;
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /**
     * Reads one response to a request that is not HEAD: its head, then its content by
     * Content-Length, or chunked up to the last chunk (chunk data must not contain "0\r\n\r\n").
     */
    public String readResponse() throws IOException {
        String head = readHead();
        String lower = head.toLowerCase(Locale.ROOT);
        int cl = lower.indexOf("\r\ncontent-length: ");
        if (cl >= 0) {
            int start = cl + "\r\ncontent-length: ".length();
            int length = Integer.parseInt(head.substring(start, head.indexOf('\r', start)));
            return head + read(length);
        }
        if (lower.contains("\r\ntransfer-encoding: chunked\r\n")) {
            StringBuilder body = new StringBuilder();
            while (!body.toString().endsWith("0\r\n\r\n")) {
                body.append(read(1));
            }
            return head + body;
        }
        return head;
    }

    /** Reads until the server closes the connection. */
    String readToEnd() throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    /**
     * Whether nothing at all, not even an end of stream, arrives within this time: a bounded
     * wait for something that must not happen. A byte that does arrive is consumed.
     */
    boolean silentFor(Duration time) throws IOException {
        socket.setSoTimeout((int) time.toMillis());
        try {
            in.read();
            return false;
        } catch (SocketTimeoutException e) {
            return true;
        } finally {
            socket.setSoTimeout(5000);
        }
    }

    /** Whether the server has closed the connection: end of stream with no byte before it. */
    public boolean serverClosed() throws IOException {
        return in.read() < 0;
    }

    /** Closes with SO_LINGER 0: the server gets a TCP RST instead of an end of stream. */
    void reset() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
