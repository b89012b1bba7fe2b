package io.httpd.core.server;

import io.httpd.core.http1.Connection;
import io.httpd.core.http1.Http1Context;
import io.httpd.core.http1.HttpsUpgrade;
import io.httpd.api.TlsProvider;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One bound listener: its socket, its accept thread, and the connections it accepted. A
 * reload keeps it (and its socket) while the config names the same address; its TLS provider
 * and PROXY-protocol flag follow the newest config. Removed by a reload, it stops accepting
 * and its connections finish as on a graceful stop.
 */
final class Listening {
    final Endpoint endpoint; // as first configured; the key stays the same
    final ServerSocketChannel channel;
    final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    volatile TlsProvider tls;
    volatile boolean proxied;
    volatile HttpsUpgrade https;
    volatile boolean stopping;
    Thread acceptor;
    private final InetSocketAddress local; // known at bind: still known once the socket closed

    private Listening(Endpoint endpoint, ServerSocketChannel channel) throws IOException {
        this.endpoint = endpoint;
        this.channel = channel;
        this.local = (InetSocketAddress) channel.getLocalAddress();
        follow(endpoint);
    }

    /** Binds the endpoint's address; a BindException names it. */
    static Listening bind(Endpoint endpoint) throws BindException {
        InetSocketAddress address = endpoint.address();
        ServerSocketChannel channel = null;
        try {
            channel = ServerSocketChannel.open();
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            if (endpoint.reusePort()) {
                channel.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            }
            channel.bind(address, 1024);
            return new Listening(endpoint, channel);
        } catch (IOException e) {
            if (channel != null) {
                closeQuietly(channel);
            }
            BindException be = new BindException("cannot listen on " + address.getHostString()
                    + ":" + address.getPort() + ": " + e.getMessage());
            be.initCause(e);
            throw be;
        }
    }

    /** Takes the TLS provider, PROXY-protocol flag and https settings of a newer config of the same address. */
    void follow(Endpoint newer) {
        tls = newer.tls();
        proxied = newer.proxyProtocol();
        https = newer.https();
    }

    InetSocketAddress local() {
        return local;
    }

    /** Stops accepting: the socket closes, the accept thread ends. */
    void stopAccepting() {
        stopping = true;
        closeQuietly(channel);
        if (acceptor != null) {
            acceptor.interrupt(); // out of a pause after a failed accept
        }
    }

    /**
     * Stops as SIGTERM stops the server: no new connections, idle ones closed at once, busy ones
     * finish their exchange within the grace; past it they are cut.
     *
     * @return how many connections were cut
     */
    int drain(Duration grace) throws InterruptedException {
        stopAccepting();
        joinAcceptor();
        return drain(connections, grace);
    }

    /** Waits a little for the accept loop to end, once {@link #stopAccepting()} was called. */
    void joinAcceptor() throws InterruptedException {
        if (acceptor != null) {
            acceptor.join(1000);
        }
    }

    /**
     * Closes idle connections as they become idle, until none is left or the grace is over;
     * cuts the rest.
     *
     * @return how many connections were cut
     */
    static int drain(Set<Connection> open, Duration grace) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        while (!open.isEmpty() && System.nanoTime() < deadline) {
            open.forEach(Connection::closeIfIdle);
            Thread.sleep(10);
        }
        int cut = open.size();
        open.forEach(Connection::abort);
        return cut;
    }

    static void closeQuietly(java.nio.channels.Channel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing to do: it is being discarded
        }
    }
}
