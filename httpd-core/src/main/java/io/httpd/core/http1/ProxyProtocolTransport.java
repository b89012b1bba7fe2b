package io.httpd.core.http1;

import io.httpd.api.ConnectionInfo;
import io.httpd.core.event.Events;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * A listener with {@code proxy_protocol = true}: before anything else (the TLS handshake
 * included) the connection must start with a {@link ProxyHeader}, read from the socket itself
 * within the header timeout, however slowly it drips. The client it names becomes
 * {@link ConnectionInfo#client()}; the peer stays the balancer. A connection without a valid
 * header is answered {@code 400} (on a plain listener; a TLS one just closes) and closed, one
 * {@code proxy.reject} event at DEBUG; no request was read, so no access record.
 */
public final class ProxyProtocolTransport implements Transport {
    private static final Logger LOG = LoggerFactory.getLogger(ProxyProtocolTransport.class);
    private static final String BODY = "400 Bad Request: no valid PROXY protocol header\n";
    private static final byte[] BAD_REQUEST = ("HTTP/1.1 400 Bad Request\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\nContent-Length: " + BODY.length()
            + "\r\nConnection: close\r\n\r\n" + BODY).getBytes(StandardCharsets.US_ASCII);

    private final Transport inner;
    private final Socket socket;
    private final Duration timeout;
    private final boolean answer;
    private InetSocketAddress client;

    /**
     * @param inner   the transport over the same socket (plain or TLS, not yet used)
     * @param socket  the accepted socket, read directly for the header
     * @param timeout how long the whole header may take
     * @param answer  whether to answer a bad header with 400 (plain listeners)
     */
    public ProxyProtocolTransport(Transport inner, Socket socket, Duration timeout, boolean answer) {
        this.inner = inner;
        this.socket = socket;
        this.timeout = timeout;
        this.answer = answer;
    }

    @Override
    public InputStream input() throws IOException {
        header();
        return inner.input();
    }

    @Override
    public OutputStream output() throws IOException {
        header();
        return inner.output();
    }

    @Override
    public InetSocketAddress remote() {
        return inner.remote();
    }

    @Override
    public ConnectionInfo info() {
        ConnectionInfo info = inner.info();
        return client == null ? info : info.withClient(client);
    }

    private void header() throws IOException {
        if (client != null) {
            return;
        }
        try {
            client = ProxyHeader.read(new DeadlineInput(socket, timeout)).orElse(inner.remote());
        } catch (ProxyHeader.Malformed | SocketTimeoutException | EOFException e) {
            String reason = e instanceof SocketTimeoutException
                    ? "PROXY header not received in time" : e.getMessage();
            LOG.atDebug().setMessage(Events.PROXY_REJECT).addKeyValue("remote", inner.remote())
                    .addKeyValue("reason", reason).log();
            if (answer && e instanceof ProxyHeader.Malformed) {
                badRequest();
            }
            throw new IOException("proxy protocol: " + reason, e);
        }
    }

    private void badRequest() {
        try {
            socket.getOutputStream().write(BAD_REQUEST);
            socket.shutdownOutput();
        } catch (IOException ignored) {
            // the peer is gone; the connection closes either way
        }
    }

    @Override
    public void readTimeout(int millis) throws IOException {
        inner.readTimeout(millis);
    }

    @Override
    public boolean transferFile(FileChannel file, long position, long count) throws IOException {
        return inner.transferFile(file, position, count);
    }

    @Override
    public long sendingSince() {
        return inner.sendingSince();
    }

    @Override
    public long fileBytesSent() {
        return inner.fileBytesSent();
    }

    @Override
    public void shutdownOutput() throws IOException {
        inner.shutdownOutput();
    }

    @Override
    public void close() throws IOException {
        inner.close();
    }

    /** The socket's input with one deadline for all reads: each waits only what is left. */
    private static final class DeadlineInput extends InputStream {
        private final Socket socket;
        private final InputStream in;
        private final long deadline;

        DeadlineInput(Socket socket, Duration timeout) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.deadline = System.nanoTime() + timeout.toNanos();
        }

        @Override
        public int read() throws IOException {
            arm();
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            arm();
            return in.read(b, off, len);
        }

        private void arm() throws IOException {
            long left = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
            if (left <= 0) {
                throw new SocketTimeoutException("deadline passed");
            }
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
        }
    }
}
