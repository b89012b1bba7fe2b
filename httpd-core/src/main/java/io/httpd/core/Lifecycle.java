package io.httpd.core;

import io.httpd.core.config.Sizes;
import io.httpd.core.event.Events;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The process signals of a running server, owned by the core: SIGTERM and SIGINT drain and
 * exit 0 (a second SIGINT exits at once), SIGHUP reloads (a new generation: {@link ConfigReload}).
 */
final class Lifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(Lifecycle.class);

    private final Httpd httpd;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final AtomicInteger interrupts = new AtomicInteger();
    private volatile String reason = "signal";

    Lifecycle(Httpd httpd) {
        this.httpd = httpd;
        httpd.onDrainRequest(() -> requestStop("admin drain"));
    }

    /**
     * Installs the signal handlers: before the listeners bind and {@code server.start} is
     * logged, so that a signal sent as soon as the server says it started is never lost.
     */
    void install() {
        handle("TERM", s -> requestStop("SIGTERM"));
        Signal.handle(new Signal("INT"), s -> {
            if (interrupts.incrementAndGet() > 1) {
                Runtime.getRuntime().halt(130);
            }
            requestStop("SIGINT");
        });
        handle("HUP", s -> Thread.ofVirtual().start(httpd::reload));
    }

    /** Blocks until a stop signal (or a drain), then stops; returns the exit code. */
    int awaitStop() {
        try {
            stop.await();
            Duration grace = httpd.shutdownGrace();
            LOG.atInfo().setMessage(Events.SERVER_STOP).addKeyValue("reason", reason)
                    .addKeyValue("grace", Sizes.formatDuration(grace)).log();
            int cut = httpd.stop(grace);
            if (cut > 0) {
                LOG.atWarn().setMessage(Events.SERVER_STOPPED).addKeyValue("cut", cut)
                        .addKeyValue("reason", "grace period over").log();
            } else {
                LOG.atInfo().setMessage(Events.SERVER_STOPPED).addKeyValue("cut", 0).log();
            }
            return Main.OK;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Main.RUNTIME_FAILURE;
        }
    }

    /**
     * Installs a handler, and warns when the signal was ignored when the process started: the
     * JVM then keeps it ignored (under {@code nohup}, SIGHUP would never reload). SIGINT is
     * left out: a shell ignores it for every background job.
     */
    private static void handle(String name, SignalHandler handler) {
        if (Signal.handle(new Signal(name), handler) == SignalHandler.SIG_IGN) {
            LOG.atWarn().setMessage(Events.SIGNAL_IGNORED).addKeyValue("signal", "SIG" + name)
                    .addKeyValue("cause", "ignored when the process started (nohup ignores "
                            + "SIGHUP), so it does nothing; start with setsid or systemd").log();
        }
    }

    private void requestStop(String why) {
        reason = why;
        stop.countDown();
    }
}
