package io.httpd.core.server;

import io.httpd.core.event.Events;
import io.httpd.core.http1.Connection;
import io.httpd.core.http1.Generations;
import io.httpd.core.http1.Http1Context;
import io.httpd.core.http1.HttpsUpgrade;
import io.httpd.core.http1.PolledTransport;
import io.httpd.core.http1.Poller;
import io.httpd.core.http1.ProxyProtocolTransport;
import io.httpd.core.http1.TlsTransport;
import io.httpd.core.http1.Transport;
import io.httpd.api.TlsProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * The listeners and their accept loops: one platform thread per listener accepts, one virtual
 * thread per connection serves. A semaphore caps open connections. A connection accepted at
 * the cap has the idle keep-alive connection that has waited longest closed to admit it (as
 * nginx reuses its keep-alive connections); when none is idle, it waits unserved, and so does
 * accepting (the kernel's backlog holds new clients) rather than failing anyone. A failing accept backs off
 * ({@link AcceptFailures}); {@link SendTimeout} closes connections whose peer stopped reading.
 * A reload {@linkplain #rebind rebinds}: listeners that stay keep their sockets, new ones are
 * bound before anything changes, removed ones drain as on a graceful stop.
 */
public final class HttpServer {
    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);
    private static final Duration CAP_LOG_INTERVAL = Duration.ofSeconds(10);

    private final List<Endpoint> endpoints;
    private final Generations generations;
    private final Semaphore permits;
    final List<Listening> listeners = new CopyOnWriteArrayList<>();
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;
    private Thread sendTimeout;
    private Thread heapRelease;
    private long capLoggedAt;   // System.nanoTime() of the last conn.limit event (accept threads)
    private long keptAliveClosed;

    /** The connection cap and the send timeout are those of the context current now. */
    public HttpServer(List<Endpoint> endpoints, Generations generations) {
        this.endpoints = List.copyOf(endpoints);
        this.generations = generations;
        this.permits = new Semaphore(generations.current().limits().connections());
    }

    /**
     * Binds every listener and starts accepting. When one cannot be bound, the ones already
     * bound are closed and a BindException names the address.
     */
    public void start() throws IOException {
        PollerStart.run();
        Poller.start();
        OpenFileLimit.check(generations.current().limits().connections());
        List<Listening> bound = bindAll(endpoints);
        sendTimeout = new SendTimeout(open, generations.current().limits().sendTimeout()).start();
        heapRelease = new HeapRelease(open::size).start();
        bound.forEach(this::startAccepting);
    }

    private static List<Listening> bindAll(List<Endpoint> endpoints) throws BindException {
        List<Listening> bound = new ArrayList<>();
        try {
            for (Endpoint e : endpoints) {
                bound.add(Listening.bind(e));
            }
            return bound;
        } catch (BindException e) {
            bound.forEach(l -> Listening.closeQuietly(l.channel));
            throw e;
        }
    }

    void startAccepting(Listening l) {
        listeners.add(l);
        l.acceptor = Thread.ofPlatform().name("accept-" + l.local().getPort())
                .start(() -> acceptLoop(l));
        var listen = LOG.atInfo().setMessage(Events.SERVER_LISTEN)
                .addKeyValue("address", format(l.local()));
        if (l.tls != null) {
            listen.addKeyValue("tls", true);
        }
        listen.log();
    }

    /**
     * The first half of a reload's change of listeners: binds every endpoint not bound yet
     * (by key); nothing else changes until {@link Rebind#commit}.
     *
     * @throws BindException naming the address that cannot be bound; nothing changed
     */
    public Rebind rebind(List<Endpoint> wanted) throws BindException {
        Map<String, Listening> current = new HashMap<>();
        listeners.forEach(l -> current.put(l.endpoint.key(), l));
        List<Endpoint> added = wanted.stream().filter(e -> !current.containsKey(e.key())).toList();
        List<Listening> bound = bindAll(added);
        return new Rebind(this, wanted, bound, current);
    }

    /** The addresses actually bound (a configured port 0 becomes the port the system chose). */
    public List<InetSocketAddress> boundAddresses() {
        return listeners.stream().map(Listening::local).toList();
    }

    private void acceptLoop(Listening l) {
        AcceptFailures failures = new AcceptFailures(l.local());
        while (!stopping && !l.stopping) {
            SocketChannel socket;
            try {
                socket = l.channel.accept();
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
                Listening.closeQuietly(socket);
                return;
            }
            serve(socket, l);
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
                    .addKeyValue("connections", generations.current().limits().connections())
                    .addKeyValue("kept_alive_closed", keptAliveClosed).log();
            capLoggedAt = now;
            keptAliveClosed = 0;
        }
    }

    private void serve(SocketChannel socket, Listening l) {
        Connection connection;
        Transport transport;
        TlsProvider secure = l.tls;
        try {
            socket.setOption(StandardSocketOptions.TCP_NODELAY, true);
            transport = transport(socket, secure);
            if (l.proxied) { // the PROXY header comes first, before any TLS handshake
                Duration timeout = generations.current().limits().headerTimeout();
                transport = secure == null ? ProxyProtocolTransport.plain(transport, timeout)
                        : ProxyProtocolTransport.beforeTls(transport, socket.socket(), timeout);
            }
            HttpsUpgrade https = l.https.upgrades()
                    ? l.https.reachedAt((InetSocketAddress) socket.getLocalAddress()) : HttpsUpgrade.NONE;
            Generations listener = https.upgrades() ? generations.map(ctx -> ctx.withHttps(https))
                    : generations; // (not record equals: linking it costs the first connection)
            connection = new Connection(transport, listener, () -> stopping || l.stopping);
        } catch (IOException e) {
            permits.release();
            Listening.closeQuietly(socket);
            return;
        }
        open.add(connection);
        l.connections.add(connection);
        connection.whenDone(() -> {
            open.remove(connection);
            l.connections.remove(connection);
            permits.release();
        });
        if (transport instanceof PolledTransport polled) {
            polled.serveOnPoller(connection); // no thread of its own while it rests
        } else {
            Poller.startThread(connection); // TLS, PROXY: a thread of its own, blocking
        }
    }

    /** Plain, a poller waiting for it; or TLS, its handshake to run on the connection's thread. */
    private Transport transport(SocketChannel socket, TlsProvider secure) throws IOException {
        Http1Context ctx = generations.current();
        return secure == null ? new PolledTransport(socket)
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
        listeners.forEach(Listening::stopAccepting);
        for (Listening l : listeners) {
            l.joinAcceptor();
        }
        int cut = Listening.drain(open, grace);
        if (sendTimeout != null) {
            sendTimeout.interrupt();
            heapRelease.interrupt();
        }
        return cut;
    }

    /** {@code 127.0.0.1:8080} or {@code [::]:8080}: how operators write addresses. */
    public static String format(InetSocketAddress address) {
        String host = address.getAddress() == null ? address.getHostString()
                : address.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }
}
