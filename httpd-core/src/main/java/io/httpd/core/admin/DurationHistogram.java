package io.httpd.core.admin;

import java.util.concurrent.atomic.LongAdder;

/**
 * Request durations of one route as a Prometheus histogram: one {@link LongAdder} per bucket
 * (not cumulative, so a count is one add) and one for the sum in nanoseconds; the count is the
 * sum of the buckets, so a snapshot's count always equals its {@code +Inf} bucket.
 */
final class DurationHistogram {
    /** The upper bounds, 0.5 ms to 10 s, as Prometheus's {@code le} label writes them. */
    static final String[] LE = {
        "0.0005", "0.001", "0.0025", "0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5",
        "1", "2.5", "5", "10",
    };
    private static final long[] BOUNDS_NANOS = new long[LE.length];

    static {
        for (int i = 0; i < LE.length; i++) {
            BOUNDS_NANOS[i] = Math.round(Double.parseDouble(LE[i]) * 1e9);
        }
    }

    private final LongAdder[] buckets = new LongAdder[LE.length + 1]; // the last one: +Inf
    private final LongAdder sumNanos = new LongAdder();

    /**
     * A moment's state.
     *
     * @param cumulative per bound of {@link #LE}, then {@code +Inf}: the observations at or
     *                   below it
     * @param sumNanos   the sum of the observations
     */
    record Snapshot(long[] cumulative, long sumNanos) {
        /** The number of observations. */
        long count() {
            return cumulative[cumulative.length - 1];
        }
    }

    DurationHistogram() {
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = new LongAdder();
        }
    }

    /** Counts one observation: a scan of 14 bounds and two adds, no lock, no allocation. */
    void observe(long nanos) {
        int i = 0;
        while (i < BOUNDS_NANOS.length && nanos > BOUNDS_NANOS[i]) {
            i++;
        }
        buckets[i].increment();
        sumNanos.add(nanos);
    }

    Snapshot snapshot() {
        long[] cumulative = new long[buckets.length];
        long running = 0;
        for (int i = 0; i < buckets.length; i++) {
            running += buckets[i].sum();
            cumulative[i] = running;
        }
        return new Snapshot(cumulative, sumNanos.sum());
    }
}
