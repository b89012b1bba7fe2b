package io.httpd.core.server;

import io.httpd.core.http1.Connection;
import io.httpd.core.http1.Transport;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Enforces {@code [limits] send_timeout}: one virtual thread for the whole server looks at the
 * open connections a few times per timeout and closes each one whose write has waited longer
 * than the timeout for the peer to accept bytes. A blocking write on a virtual thread has no
 * timeout of its own; closing the channel wakes it with an exception. Writes record only when
 * they begin ({@link Transport#sendingSince()}), so no timer exists per write.
 */
final class SendTimeout implements Runnable {
    private final Set<Connection> open;
    private final long timeoutNanos;
    private final long tickMillis;

    SendTimeout(Set<Connection> open, Duration timeout) {
        this.open = open;
        this.timeoutNanos = timeout.toNanos();
        // a connection is closed between timeout and timeout + tick after its peer stalled
        this.tickMillis = Math.clamp(timeout.toMillis() / 4, 10, 1000);
    }

    /** Starts the watching thread; it ends when interrupted. */
    Thread start() {
        return Thread.ofVirtual().name("send-timeout").start(this);
    }

    @Override
    public void run() {
        try {
            while (true) {
                TimeUnit.MILLISECONDS.sleep(tickMillis);
                long now = System.nanoTime();
                for (Connection c : open) {
                    c.closeIfSendStalled(now, timeoutNanos); // logged as its conn.close reason
                }
            }
        } catch (InterruptedException e) {
            // the server stops
        }
    }
}
