package io.httpd.core.http1;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The read timeouts of plain connections ({@link PolledTransport}), enforced by one thread for
 * the whole process instead of a timer per read. A read on a virtual thread with a socket
 * timeout arms a timer in the scheduler and cancels it when bytes come: measured on the
 * 13-byte keep-alive benchmark, 1.8 futex calls per request and about a third of the server's
 * CPU; an untimed read costs 0.06. So a read records when it must end ({@link Watched#deadline})
 * and waits untimed; this thread looks at every watched connection each tick and ends the
 * reads whose deadline passed (their thread is unparked; the reader then reports a timeout,
 * and can still write its 408).
 *
 * <p>A read ends between its deadline and one tick later, never before. The tick is a
 * twentieth of the shortest timeout seen, between 1 ms and 100 ms (the defaults of 10 s and
 * more give 100 ms).
 */
final class ReadDeadlines {
    private static final long MAX_TICK = 100_000_000; // ns: constants, set before SHARED
    private static final long MIN_TICK = 1_000_000;
    static final ReadDeadlines SHARED = new ReadDeadlines();

    /** What the thread watches: a connection whose reads have deadlines. */
    interface Watched {
        /** The deadline of the read in progress (System.nanoTime()), or 0 when none waits. */
        long deadline();

        /** Ends the read in progress if its deadline is still this one. */
        void expire(long deadline);
    }

    private final Set<Watched> watched = ConcurrentHashMap.newKeySet();
    private volatile long tickNanos = MAX_TICK;
    private Thread thread; // started with the first connection

    /** Watches a connection until {@link #forget}. */
    void watch(Watched w) {
        watched.add(w);
        if (thread == null) {
            start();
        }
    }

    void forget(Watched w) {
        watched.remove(w);
    }

    /** Ticks often enough for a timeout this short. */
    void timeoutOf(int millis) {
        long tick = Math.max(MIN_TICK, TimeUnit.MILLISECONDS.toNanos(millis) / 20);
        if (tick < tickNanos) {
            tickNanos = tick;
        }
    }

    /** How many connections it watches now. */
    int watching() {
        return watched.size();
    }

    private synchronized void start() {
        if (thread == null) {
            thread = Thread.ofPlatform().daemon().name("read-deadlines").start(this::run);
        }
    }

    private void run() {
        while (true) {
            LockSupport.parkNanos(tickNanos);
            sweep(System.nanoTime());
        }
    }

    /** Ends every read whose deadline passed by now. */
    void sweep(long now) {
        for (Watched w : watched) {
            long deadline = w.deadline();
            if (deadline != 0 && now - deadline >= 0) {
                w.expire(deadline);
            }
        }
    }
}
