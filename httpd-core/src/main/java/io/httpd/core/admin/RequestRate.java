package io.httpd.core.admin;

import java.util.function.LongSupplier;

/**
 * Requests per second over the last minute, for {@code /status}: a sampler thread reads the
 * request total once a second into a ring of 61 samples, so nothing on the request path
 * changes.
 */
final class RequestRate {
    private static final int SECONDS = 60;

    private final LongSupplier total;
    private final long[] samples = new long[SECONDS + 1];
    private int taken; // samples taken so far; the newest is at (taken - 1) % length
    private Thread sampler;

    RequestRate(LongSupplier total) {
        this.total = total;
    }

    /** Starts sampling on a daemon virtual thread. */
    synchronized void start() {
        sample();
        sampler = Thread.ofVirtual().name("admin-rate").start(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(1000);
                    sample();
                }
            } catch (InterruptedException e) {
                // stopped
            }
        });
    }

    synchronized void stop() {
        if (sampler != null) {
            sampler.interrupt();
        }
    }

    synchronized void sample() {
        samples[taken % samples.length] = total.getAsLong();
        taken++;
    }

    /** The mean rate over the samples held (up to the last minute); 0 before two samples. */
    synchronized double perSecond() {
        if (taken < 2) {
            return 0;
        }
        int span = Math.min(taken - 1, SECONDS);
        long newest = samples[(taken - 1) % samples.length];
        long oldest = samples[(taken - 1 - span) % samples.length];
        return (newest - oldest) / (double) span;
    }
}
