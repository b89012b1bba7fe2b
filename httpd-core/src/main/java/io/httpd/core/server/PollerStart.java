package io.httpd.core.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * Makes the JDK set up what virtual threads need to wait on sockets before the server accepts
 * anyone. The JDK creates its I/O pollers (epoll descriptors and their threads) the first time
 * a virtual thread waits on a socket; when that first time falls in a descriptor exhaustion,
 * the poller class fails to initialise and no virtual thread can ever wait on a socket again:
 * every later connection that has to wait fails. A virtual thread doing one timed read on a
 * loopback connection at start-up initialises them while descriptors are plentiful.
 *
 * <p>It also picks how the pollers run, unless the operator did ({@code -Djdk.pollerMode} in
 * HTTPD_JAVA_OPTS): as platform threads ({@code 1}), not the JDK 25 default on Linux of
 * virtual-thread sub-pollers ({@code 2}). A sub-poller that found ready sockets yields and is
 * queued again on its carrier's local queue, so under load that queue never empties, and work
 * submitted from outside it (a new connection's thread, started by the accept thread, and a
 * sub-poller woken by the master poller) waits until it does: measured at 1,024 busy
 * connections, a new connection's first response took up to 3.9 s (connect 0 ms) and wrk
 * counted 780 timeouts; with platform pollers at most 0.7 s and none. The cost is a context
 * switch per poller wake-up (the engine notes, "Fairness").
 */
final class PollerStart {
    static final String POLLER_MODE = "jdk.pollerMode";

    private PollerStart() {
    }

    /** Waits once on a socket from a virtual thread; fails when the JDK cannot poll. */
    static void run() throws IOException {
        if (System.getProperty(POLLER_MODE) == null) { // before the JDK's Poller class loads
            System.setProperty(POLLER_MODE, "1");
        }
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        try (ServerSocketChannel server = ServerSocketChannel.open().bind(loopback);
             SocketChannel client = SocketChannel.open(server.getLocalAddress());
             SocketChannel accepted = server.accept()) {
            Thread reader = Thread.ofVirtual().name("poller-start").unstarted(() -> readOnce(accepted));
            IOException[] failure = new IOException[1];
            reader.setUncaughtExceptionHandler((t, e) -> failure[0] = new IOException(
                    "cannot start the JDK's socket pollers: " + e, e));
            reader.start();
            reader.join();
            if (failure[0] != null) {
                throw failure[0];
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting the socket pollers", e);
        }
    }

    private static void readOnce(SocketChannel channel) {
        try {
            channel.socket().setSoTimeout(1);
            channel.socket().getInputStream().read(); // parks: the pollers start
        } catch (SocketTimeoutException expected) {
            // nothing was sent: the wait itself was the point
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
