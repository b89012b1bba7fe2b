package io.httpd.core.http1;

import io.httpd.api.ConnectionInfo;
import io.httpd.api.TlsProvider;
import io.httpd.core.event.Events;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A {@link Transport} that speaks TLS over an accepted socket: an {@link SSLSocket} layered on
 * the channel's socket, in server mode. The handshake runs on the connection's own virtual
 * thread, at its first use, under the handshake timeout (a deadline for the whole handshake,
 * however slowly the client drips it). The context is taken from the provider then, so after a
 * reload only new handshakes use the new one. A failed, abandoned or plain-text handshake is
 * one {@code tls.handshake_fail} event at DEBUG and a counter, then an {@link IOException} that
 * ends the connection without a response. File regions are copied through the TLS stream (no
 * sendfile through encryption).
 */
public final class TlsTransport implements Transport {
    private static final Logger LOG = LoggerFactory.getLogger(TlsTransport.class);
    /** Enough for a request head's record; longer records are read past it, not through it. */
    private static final int READ_AHEAD = 4096;

    private final SocketChannel channel;
    private final TlsProvider provider;
    private final Duration handshakeTimeout;
    private final TrafficCounters counters;
    private final InetSocketAddress remote;
    private volatile SSLSocket ssl;
    private volatile boolean timedOut;
    private InputStream in;
    private volatile TimedOutput out;
    private ConnectionInfo info;
    private int timeout = -1;

    public TlsTransport(SocketChannel channel, TlsProvider provider, Duration handshakeTimeout,
                        TrafficCounters counters) throws IOException {
        this.channel = channel;
        this.provider = provider;
        this.handshakeTimeout = handshakeTimeout;
        this.counters = counters;
        this.remote = (InetSocketAddress) channel.getRemoteAddress();
    }

    @Override
    public InputStream input() throws IOException {
        handshake();
        return in;
    }

    @Override
    public OutputStream output() throws IOException {
        handshake();
        return out;
    }

    @Override
    public InetSocketAddress remote() {
        return remote;
    }

    /** The connection with its TLS session (after the handshake; plain before it). */
    @Override
    public ConnectionInfo info() {
        return info != null ? info : ConnectionInfo.plain(remote);
    }

    private void handshake() throws IOException {
        if (info != null) {
            return;
        }
        ScheduledFuture<?> deadline = HandshakeDeadlines.schedule(this::expire, handshakeTimeout);
        try {
            // the JDK's SSLSocket reads each record's 5-byte header, then its body: two reads of
            // the socket per record. Read ahead under it, and a request's record takes one.
            InputStream readAhead = new BufferedInputStream(channel.socket().getInputStream(),
                    READ_AHEAD);
            SSLSocket socket = (SSLSocket) provider.context().getSocketFactory()
                    .createSocket(channel.socket(), readAhead, true); // server mode
            ssl = socket;
            socket.setUseClientMode(false);
            socket.setSSLParameters(provider.parameters());
            socket.setSoTimeout((int) Math.max(1, handshakeTimeout.toMillis()));
            socket.startHandshake();
            in = socket.getInputStream();
            out = new TimedOutput(socket.getOutputStream());
            info = new ConnectionInfo(remote, Optional.of(tls(socket)));
        } catch (IOException | RuntimeException e) {
            boolean late = timedOut || e instanceof java.net.SocketTimeoutException;
            String reason = late ? "handshake timeout" : String.valueOf(e.getMessage());
            LOG.atDebug().setMessage(Events.TLS_HANDSHAKE_FAIL).addKeyValue("remote", remote)
                    .addKeyValue("reason", reason).log();
            counters.tlsHandshakeFailed(); // after the event: whoever sees the count sees it
            throw new IOException("tls handshake: " + reason, e);
        } finally {
            deadline.cancel(false);
        }
    }

    private void expire() {
        timedOut = true;
        try {
            channel.close();
        } catch (IOException ignored) {
            // closed either way; the handshake fails at once
        }
    }

    private static ConnectionInfo.Tls tls(SSLSocket socket) {
        SSLSession session = socket.getSession();
        Optional<String> sni = Optional.empty();
        if (session instanceof ExtendedSSLSession e) {
            sni = e.getRequestedServerNames().stream().filter(n -> n instanceof SNIHostName)
                    .map(n -> ((SNIHostName) n).getAsciiName()).findFirst();
        }
        Optional<String> peer;
        try {
            peer = Optional.of(((X509Certificate) session.getPeerCertificates()[0])
                    .getSubjectX500Principal().getName());
        } catch (SSLPeerUnverifiedException e) {
            peer = Optional.empty();
        }
        Optional<String> alpn = Optional.ofNullable(socket.getApplicationProtocol())
                .filter(p -> !p.isEmpty());
        return new ConnectionInfo.Tls(session.getProtocol(), session.getCipherSuite(), sni, peer,
                alpn);
    }

    @Override
    public void readTimeout(int millis) throws IOException {
        if (millis != timeout) {
            ssl.setSoTimeout(millis);
            timeout = millis;
        }
    }

    /** Timed as on a plain connection: the encrypted records wait for the peer the same way. */
    @Override
    public long sendingSince() {
        TimedOutput o = out;
        return o == null ? 0 : o.since();
    }

    /** Never: encryption happens in this process, so the caller copies through the stream. */
    @Override
    public boolean transferFile(FileChannel file, long position, long count) {
        return false;
    }

    @Override
    public void shutdownOutput() throws IOException {
        ssl.shutdownOutput(); // close_notify, then the TCP half-close
    }

    @Override
    public void close() throws IOException {
        if (sendingSince() != 0) {
            // a write is stuck on a peer that reads nothing: SSLSocket.close() would wait for it
            // to send close_notify, so the channel goes first and wakes the writer
            channel.close();
        }
        SSLSocket socket = ssl;
        if (socket != null) {
            socket.close();
        }
        channel.close();
    }

    /** One timer thread for every handshake deadline of the process. */
    private static final class HandshakeDeadlines {
        private static final java.util.concurrent.ScheduledThreadPoolExecutor TIMER =
                timer();

        static ScheduledFuture<?> schedule(Runnable task, Duration delay) {
            return TIMER.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        }

        private static java.util.concurrent.ScheduledThreadPoolExecutor timer() {
            var timer = new java.util.concurrent.ScheduledThreadPoolExecutor(1,
                    Thread.ofPlatform().name("tls-handshake-deadline").daemon().factory());
            timer.setRemoveOnCancelPolicy(true);
            return timer;
        }
    }
}
