package io.httpd.core;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The process signals of a running server, owned by the core: SIGTERM and SIGINT drain and
 * exit 0 (a second SIGINT exits at once), SIGHUP reloads every plugin instance.
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

    /** Installs the handlers and blocks until a stop signal; returns the exit code. */
    int awaitStop() {
        Signal.handle(new Signal("TERM"), s -> requestStop("SIGTERM"));
        Signal.handle(new Signal("INT"), s -> {
            if (interrupts.incrementAndGet() > 1) {
                Runtime.getRuntime().halt(130);
            }
            requestStop("SIGINT");
        });
        Signal.handle(new Signal("HUP"), s -> Thread.ofVirtual().start(httpd::reload));
        try {
            stop.await();
            Duration grace = httpd.shutdownGrace();
            LOG.atInfo().setMessage(Events.SERVER_STOP).addKeyValue("reason", reason)
                    .addKeyValue("grace", grace).log();
            int cut = httpd.stop(grace);
            if (cut > 0) {
                LOG.atWarn().setMessage(Events.SERVER_STOPPED).addKeyValue("cut", cut)
                        .log("grace period over: {} connection(s) cut", cut);
            } else {
                LOG.atInfo().setMessage(Events.SERVER_STOPPED).addKeyValue("cut", 0).log();
            }
            return Main.OK;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Main.RUNTIME_FAILURE;
        }
    }

    private void requestStop(String why) {
        reason = why;
        stop.countDown();
    }
}
