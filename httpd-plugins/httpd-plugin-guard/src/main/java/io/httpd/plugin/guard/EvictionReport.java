package io.httpd.plugin.guard;

import java.lang.System.Logger.Level;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;

/**
 * Makes a rate limit's evictions visible to operators as one server-log event,
 * {@code guard.ratelimit.evicted}: at the first eviction (the table reached its {@code keys}),
 * then at most every {@link #INTERVAL_NANOS} while evictions go on, and at close for what is
 * left. Each line counts the keys forgotten since the previous line, how many of them had not
 * refilled ({@code early}: those clients got a fresh burst, the one way eviction weakens the
 * limit), the total since start and the capacity. WARNING when some were early, else INFO
 * (forgetting a full bucket changes nothing).
 *
 * <p>Checked on the request path after each take: a read of two counters when nothing new
 * was evicted; the line itself is written by whichever request finds it due, never waited
 * for (a request that finds another one writing goes on).
 */
final class EvictionReport {
    static final String EVENT = "guard.ratelimit.evicted";
    static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final TokenBuckets buckets;
    private final int capacity;
    private final String routes;
    private final LongSupplier nanos;
    private final BiConsumer<Level, String> log;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile long reported; // evictions already in a line
    private long reportedEarly;
    private long lastLine;
    private boolean any;

    /**
     * @param capacity the table's {@code keys}
     * @param routes   the table's scope, as the log shows it
     * @param nanos    the clock of the buckets
     * @param log      receives each line and its level
     */
    EvictionReport(TokenBuckets buckets, int capacity, String routes, LongSupplier nanos,
                   BiConsumer<Level, String> log) {
        this.buckets = buckets;
        this.capacity = capacity;
        this.routes = routes;
        this.nanos = nanos;
        this.log = log;
    }

    /** Writes a line when evictions are unreported and one is due. */
    void check() {
        if (buckets.evicted() == reported || !lock.tryLock()) {
            return;
        }
        try {
            long now = nanos.getAsLong();
            if (!any || now - lastLine >= INTERVAL_NANOS) {
                line(now);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Writes what is unreported, due or not (at close). */
    void flush() {
        lock.lock();
        try {
            line(nanos.getAsLong());
        } finally {
            lock.unlock();
        }
    }

    private void line(long now) {
        long total = buckets.evicted();
        long early = buckets.evictedEarly();
        long evicted = total - reported;
        if (evicted <= 0) {
            return;
        }
        long newlyEarly = early - reportedEarly;
        log.accept(newlyEarly > 0 ? Level.WARNING : Level.INFO, EVENT + " evicted=" + evicted
                + " early=" + newlyEarly + " total=" + total + " keys=" + capacity
                + " routes=" + routes);
        reported = total;
        reportedEarly = early;
        lastLine = now;
        any = true;
    }
}
