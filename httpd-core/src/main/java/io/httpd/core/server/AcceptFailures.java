package io.httpd.core.server;

import io.httpd.core.event.Events;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The failures of one accept loop, an episode at a time. Accept fails again at once for as
 * long as its cause lasts (no descriptor left: EMFILE, ENFILE, out of socket buffers), so
 * retrying without a pause burns a core and floods the log. Instead the loop pauses, from
 * {@link #FIRST_PAUSE_MILLIS} doubling up to {@link #MAX_PAUSE_MILLIS}; the first failure of an
 * episode is logged ({@code accept.fail}) and the first success after it
 * ({@code accept.recover}, with the count and the duration). The kernel's backlog holds new
 * clients meanwhile. Used by one thread only.
 */
final class AcceptFailures {
    static final long FIRST_PAUSE_MILLIS = 5;
    static final long MAX_PAUSE_MILLIS = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);

    private final String listener;
    private long failures;
    private long pauseMillis;
    private long since;

    AcceptFailures(InetSocketAddress listener) {
        this.listener = HttpServer.format(listener);
    }

    /**
     * After a failed accept: logs the start of an episode, then pauses.
     *
     * @return false when interrupted: the server stops
     */
    boolean failed(IOException e) {
        if (failures++ == 0) {
            since = System.nanoTime();
            pauseMillis = FIRST_PAUSE_MILLIS;
            LOG.atWarn().setMessage(Events.ACCEPT_FAIL).addKeyValue("listener", listener)
                    .addKeyValue("reason", e.getMessage()).log();
        } else {
            pauseMillis = Math.min(2 * pauseMillis, MAX_PAUSE_MILLIS);
        }
        try {
            TimeUnit.MILLISECONDS.sleep(pauseMillis);
            return true;
        } catch (InterruptedException interrupted) {
            return false;
        }
    }

    /** After a successful accept: ends an episode, if one was going on. */
    void succeeded() {
        if (failures > 0) {
            LOG.atInfo().setMessage(Events.ACCEPT_RECOVER).addKeyValue("listener", listener)
                    .addKeyValue("failures", failures)
                    .addKeyValue("ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since))
                    .log();
            failures = 0;
        }
    }
}
