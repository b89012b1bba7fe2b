package io.httpd.plugin.guard;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A token bucket per key, in bounded memory. Each key holds one number, its theoretical
 * arrival time (the GCRA form of a token bucket): a request conforms when that time is at
 * most {@code burst - 1} intervals ahead of now, and moves it one interval on. A full bucket
 * and an absent key are the same, so forgetting an idle key changes nothing once it refilled.
 *
 * <p>Keys live in shards, each a map in access order under its own lock; past
 * {@code capacity} the least recently seen key of a shard is forgotten and counted in
 * {@link #evicted()}. A forgotten key that had not refilled starts again with a full bucket;
 * those are also counted in {@link #evictedEarly()}.
 */
final class TokenBuckets {
    private static final int SHARDS = 64;

    private final long interval; // nanoseconds per token
    private final long tolerance; // (burst - 1) intervals
    private final LongSupplier nanos;
    private final Shard[] shards = new Shard[SHARDS];
    private final AtomicLong evicted = new AtomicLong();
    private final AtomicLong evictedEarly = new AtomicLong();

    /**
     * @param interval  nanoseconds per token (one request per interval, sustained)
     * @param burst     requests a full bucket allows at once, 1 or more
     * @param capacity  keys kept at most (spread over the shards)
     * @param nanos     the clock, {@code System::nanoTime} outside tests
     */
    TokenBuckets(long interval, int burst, int capacity, LongSupplier nanos) {
        if (interval <= 0 || burst < 1 || capacity < 1) {
            throw new IllegalArgumentException("interval, burst and capacity must be positive");
        }
        this.interval = interval;
        this.tolerance = (burst - 1) > Long.MAX_VALUE / 4 / interval ? Long.MAX_VALUE / 4
                : (burst - 1) * interval; // an unreachable tolerance rather than an overflow
        this.nanos = nanos;
        int perShard = Math.max(1, (capacity + SHARDS - 1) / SHARDS);
        for (int i = 0; i < SHARDS; i++) {
            shards[i] = new Shard(perShard);
        }
    }

    /**
     * Takes a token for this key.
     *
     * @return 0 when the request conforms, else the nanoseconds until it would
     */
    long take(Object key) {
        Shard shard = shards[(key.hashCode() * 0x9E3779B9 >>> 26) & (SHARDS - 1)];
        long now = nanos.getAsLong();
        synchronized (shard) {
            long[] tat = shard.get(key);
            long start = tat == null || tat[0] - now < 0 ? now : tat[0];
            long ahead = start - now;
            if (ahead > tolerance) {
                return ahead - tolerance;
            }
            if (tat == null) {
                shard.now = now; // for removeEldestEntry
                shard.put(key, new long[] {start + interval});
            } else {
                tat[0] = start + interval;
            }
            return 0;
        }
    }

    /** Keys forgotten to stay within capacity, since start. */
    long evicted() {
        return evicted.get();
    }

    /** Of {@link #evicted()}, the keys whose bucket was not full yet when forgotten. */
    long evictedEarly() {
        return evictedEarly.get();
    }

    /** Keys held now (for tests and figures). */
    int size() {
        int n = 0;
        for (Shard s : shards) {
            synchronized (s) {
                n += s.size();
            }
        }
        return n;
    }

    private final class Shard extends LinkedHashMap<Object, long[]> {
        private final int capacity;
        private long now; // the time of the put that may evict

        Shard(int capacity) {
            super(16, 0.75f, true);
            this.capacity = capacity;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, long[]> eldest) {
            if (size() <= capacity) {
                return false;
            }
            evicted.incrementAndGet();
            if (eldest.getValue()[0] - now > 0) {
                evictedEarly.incrementAndGet();
            }
            return true;
        }
    }
}
