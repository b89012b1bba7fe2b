package io.httpd.core.http1;

import io.httpd.api.TlsProvider;
import io.httpd.core.Events;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * The listeners and their accept loops: one platform thread per listener accepts, one virtual
 * thread per connection serves. A semaphore caps open connections. A connection accepted at
 * the cap has the idle keep-alive connection that has waited longest closed to admit it (as
 * nginx reuses its keep-alive connections); when none is idle, it waits unserved, and so does
 * accepting (the kernel's backlog holds new clients) rather than failing anyone. A failing accept backs off
 * ({@link AcceptFailures}); {@link SendTimeout} closes connections whose peer stopped reading.
 */
public final class HttpServer {
    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);
    private static final Duration CAP_LOG_INTERVAL = Duration.ofSeconds(10);

    private final List<InetSocketAddress> addresses;
    private final List<TlsProvider> tls; // per address; null for plain HTTP
    private final List<Boolean> proxyProtocol; // per address
    private final List<HttpsUpgrade> https; // per address
    private final Http1Context ctx;
    private final Semaphore permits;
    private final List<ServerSocketChannel> channels = new ArrayList<>();
    private final List<Thread> acceptors = new ArrayList<>();
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;
    private Thread sendTimeout;
    private long capLoggedAt;   // System.nanoTime() of the last conn.limit event (accept threads)
    private long keptAliveClosed;

    public HttpServer(List<InetSocketAddress> addresses, Http1Context ctx) {
        this(addresses, Collections.nCopies(addresses.size(), null), ctx);
    }

    /**
     * @param tls per address, the TLS provider of that listener, or null for plain HTTP
     */
    public HttpServer(List<InetSocketAddress> addresses, List<TlsProvider> tls, Http1Context ctx) {
        this(addresses, tls, Collections.nCopies(addresses.size(), false), ctx);
    }

    /**
     * @param tls           per address, the TLS provider of that listener, or null for plain HTTP
     * @param proxyProtocol per address, whether connections start with a PROXY protocol header
     */
    public HttpServer(List<InetSocketAddress> addresses, List<TlsProvider> tls,
                      List<Boolean> proxyProtocol, Http1Context ctx) {
        this(addresses, tls, proxyProtocol, Collections.nCopies(addresses.size(), HttpsUpgrade.NONE),
                ctx);
    }

    /**
     * @param tls           per address, the TLS provider of that listener, or null for plain HTTP
     * @param proxyProtocol per address, whether connections start with a PROXY protocol header
     * @param https         per address, its redirect to https or its HSTS header
     */
    public HttpServer(List<InetSocketAddress> addresses, List<TlsProvider> tls,
                      List<Boolean> proxyProtocol, List<HttpsUpgrade> https, Http1Context ctx) {
        if (tls.size() != addresses.size() || proxyProtocol.size() != addresses.size()
                || https.size() != addresses.size()) {
            throw new IllegalArgumentException("one tls, proxy_protocol and https entry per address");
        }
        this.addresses = List.copyOf(addresses);
        this.tls = new ArrayList<>(tls);
        this.proxyProtocol = List.copyOf(proxyProtocol);
        this.https = List.copyOf(https);
        this.ctx = ctx;
        this.permits = new Semaphore(ctx.limits().connections());
    }

    /**
     * Binds every listener and starts accepting. When one cannot be bound, the ones already
     * bound are closed and a BindException names the address.
     */
    public void start() throws IOException {
        PollerStart.run();
        OpenFileLimit.check(ctx.limits().connections());
        for (InetSocketAddress address : addresses) {
            ServerSocketChannel channel = ServerSocketChannel.open();
            try {
                channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                channel.bind(address, 1024);
            } catch (IOException e) {
                channel.close();
                closeListeners();
                BindException be = new BindException("cannot listen on " + address.getHostString()
                        + ":" + address.getPort() + ": " + e.getMessage());
                be.initCause(e);
                throw be;
            }
            channels.add(channel);
        }
        sendTimeout = new SendTimeout(open, ctx.limits().sendTimeout()).start();
        for (int i = 0; i < channels.size(); i++) {
            ServerSocketChannel channel = channels.get(i);
            TlsProvider secure = tls.get(i);
            boolean proxied = proxyProtocol.get(i);
            HttpsUpgrade upgrade = https.get(i);
            Thread t = Thread.ofPlatform().name("accept-" + localAddress(channel).getPort())
                    .start(() -> acceptLoop(channel, secure, proxied, upgrade));
            acceptors.add(t);
            var listen = LOG.atInfo().setMessage(Events.SERVER_LISTEN)
                    .addKeyValue("address", format(localAddress(channel)));
            if (secure != null) {
                listen.addKeyValue("tls", true);
            }
            listen.log();
        }
    }

    /** The addresses actually bound (a configured port 0 becomes the port the system chose). */
    public List<InetSocketAddress> boundAddresses() {
        List<InetSocketAddress> bound = new ArrayList<>();
        for (ServerSocketChannel channel : channels) {
            bound.add(localAddress(channel));
        }
        return bound;
    }

    private void acceptLoop(ServerSocketChannel channel, TlsProvider secure, boolean proxied,
                            HttpsUpgrade upgrade) {
        AcceptFailures failures = new AcceptFailures(localAddress(channel));
        while (!stopping) {
            SocketChannel socket;
            try {
                socket = channel.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                if (!failures.failed(e)) {
                    return;
                }
                continue;
            }
            failures.succeeded();
            if (!admit()) {
                closeQuietly(socket);
                return;
            }
            serve(socket, secure, proxied, upgrade);
        }
    }

    /**
     * Takes a permit for a connection just accepted; at the cap, makes room or waits for it.
     *
     * @return false when interrupted: the server stops
     */
    private boolean admit() {
        if (permits.tryAcquire()) {
            return true;
        }
        closeLongestKeptAlive();
        try {
            permits.acquire();
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /**
     * At the cap: closes the idle keep-alive connection that has waited longest, so that its
     * permit admits the connection being accepted. Connections before their first request are
     * left alone: header_timeout bounds them.
     */
    private synchronized void closeLongestKeptAlive() {
        for (int attempt = 0; attempt < 3; attempt++) {
            Connection longest = null;
            long oldest = Long.MAX_VALUE;
            for (Connection c : open) {
                long since = c.keptAliveSince();
                if (since != 0 && since - oldest < 0) {
                    longest = c;
                    oldest = since;
                }
            }
            if (longest == null || longest.closeKeptAlive()) {
                logCap(longest != null);
                return;
            }
        }
    }

    private void logCap(boolean closedOne) {
        keptAliveClosed += closedOne ? 1 : 0;
        long now = System.nanoTime();
        if (capLoggedAt == 0 || now - capLoggedAt > CAP_LOG_INTERVAL.toNanos()) {
            LOG.atWarn().setMessage(Events.CONN_LIMIT)
                    .addKeyValue("connections", ctx.limits().connections())
                    .addKeyValue("kept_alive_closed", keptAliveClosed).log();
            capLoggedAt = now;
            keptAliveClosed = 0;
        }
    }

    private void serve(SocketChannel socket, TlsProvider secure, boolean proxied,
                       HttpsUpgrade upgrade) {
        Connection connection;
        try {
            Http1Context listener = upgrade.equals(HttpsUpgrade.NONE) ? ctx
                    : ctx.withHttps(upgrade.reachedAt((InetSocketAddress) socket.getLocalAddress()));
            socket.setOption(StandardSocketOptions.TCP_NODELAY, true);
            Transport transport = transport(socket, secure);
            if (proxied) { // the PROXY header comes first, before any TLS handshake
                transport = new ProxyProtocolTransport(transport, socket.socket(),
                        ctx.limits().headerTimeout(), secure == null);
            }
            connection = new Connection(transport, listener, () -> stopping);
        } catch (IOException e) {
            permits.release();
            closeQuietly(socket);
            return;
        }
        open.add(connection);
        Thread.ofVirtual().name("conn").start(() -> {
            try {
                connection.run();
            } finally {
                open.remove(connection);
                permits.release();
            }
        });
    }

    /** Plain, or TLS with its handshake still to run on the connection's own thread. */
    private Transport transport(SocketChannel socket, TlsProvider secure) throws IOException {
        return secure == null ? new SocketTransport(socket)
                : new TlsTransport(socket, secure, ctx.limits().handshakeTimeout(), ctx.counters());
    }

    /**
     * Stops gracefully: no new connections, idle ones closed at once, busy ones finish their
     * exchange within the grace period; past it they are cut.
     *
     * @return how many connections were cut
     */
    public int stop(Duration grace) throws InterruptedException {
        stopping = true;
        closeListeners();
        for (Thread t : acceptors) {
            t.interrupt(); // out of a pause after a failed accept
            t.join(1000);
        }
        long deadline = System.nanoTime() + grace.toNanos();
        while (!open.isEmpty() && System.nanoTime() < deadline) {
            open.forEach(Connection::closeIfIdle);
            Thread.sleep(10);
        }
        int cut = open.size();
        open.forEach(Connection::abort);
        if (sendTimeout != null) {
            sendTimeout.interrupt();
        }
        return cut;
    }

    private void closeListeners() {
        channels.forEach(HttpServer::closeQuietly);
    }

    /** {@code 127.0.0.1:8080} or {@code [::]:8080}: how operators write addresses. */
    public static String format(InetSocketAddress address) {
        String host = address.getAddress() == null ? address.getHostString()
                : address.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    private static InetSocketAddress localAddress(ServerSocketChannel channel) {
        try {
            return (InetSocketAddress) channel.getLocalAddress();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void closeQuietly(java.nio.channels.Channel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing to do: it is being discarded
        }
    }
}
