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
    private final HeaderSource source;
    private final Duration timeout;
    private final boolean answer;
    private InetSocketAddress client;

    /** Where the header's bytes are read, each read bounded by what is left of the timeout. */
    private interface HeaderSource {
        InputStream input() throws IOException;

        void readTimeout(int millis) throws IOException;
    }

    private ProxyProtocolTransport(Transport inner, HeaderSource source, Duration timeout,
            boolean answer) {
        this.inner = inner;
        this.source = source;
        this.timeout = timeout;
        this.answer = answer;
    }

    /**
     * A plain listener: the header is read through the transport itself, whose first bytes it
     * is, and a bad one is answered 400.
     *
     * @param inner   the plain transport (not yet used)
     * @param timeout how long the whole header may take
     */
    public static ProxyProtocolTransport plain(Transport inner, Duration timeout) {
        return new ProxyProtocolTransport(inner, new HeaderSource() {
            @Override
            public InputStream input() throws IOException {
                return inner.input();
            }

            @Override
            public void readTimeout(int millis) throws IOException {
                inner.readTimeout(millis);
            }
        }, timeout, true);
    }

    /**
     * A TLS listener: the header is read from the accepted socket itself, before the
     * handshake; a bad one closes the connection.
     *
     * @param inner   the TLS transport (handshake not yet run)
     * @param socket  the accepted socket, in blocking mode
     * @param timeout how long the whole header may take
     */
    public static ProxyProtocolTransport beforeTls(Transport inner, Socket socket,
            Duration timeout) {
        return new ProxyProtocolTransport(inner, new HeaderSource() {
            @Override
            public InputStream input() throws IOException {
                return socket.getInputStream();
            }

            @Override
            public void readTimeout(int millis) throws IOException {
                socket.setSoTimeout(millis);
            }
        }, timeout, false);
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
            client = ProxyHeader.read(new DeadlineInput(source, timeout)).orElse(inner.remote());
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
            OutputStream out = inner.output();
            out.write(BAD_REQUEST);
            out.flush();
            inner.shutdownOutput();
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
    public void fileFollows() {
        inner.fileFollows();
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

    /** The header's input with one deadline for all reads: each waits only what is left. */
    private static final class DeadlineInput extends InputStream {
        private final HeaderSource source;
        private final InputStream in;
        private final long deadline;

        DeadlineInput(HeaderSource source, Duration timeout) throws IOException {
            this.source = source;
            this.in = source.input();
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
            source.readTimeout((int) Math.min(Integer.MAX_VALUE, left));
        }
    }
}
