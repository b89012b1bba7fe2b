package io.httpd.core.accesslog;

import io.httpd.api.AccessRecord;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

/**
 * A bounded first-in-first-out queue of access records, many producers and one consumer,
 * without a lock: an offer is one compare-and-set on the tail and one write of a slot, so the
 * connection threads that submit records never queue behind one another or the sink's thread.
 *
 * <p>The tail counts the slots ever claimed; its top bit is the closed flag, so closing and
 * offering race on one word: a record is either refused or accepted before the close, and an
 * accepted record is always handed out by {@link #drainTo} (or counted by
 * {@link #discard()}). The consumer parks when the queue is empty and producers unpark it
 * (a {@code waiting} flag keeps that to the offers that find it parked).
 */
final class RecordQueue {
    private static final long CLOSED = Long.MIN_VALUE; // the tail's top bit

    private final AtomicReferenceArray<AccessRecord> slots;
    private final int mask;
    private final int capacity;
    private final AtomicLong tail = new AtomicLong(); // slots claimed, | CLOSED once closed
    private volatile long head;                       // slots handed out; the consumer's
    private volatile boolean waiting;                 // the consumer is parked, or about to
    private volatile Thread consumer;

    RecordQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("queue capacity must be 1 or more: " + capacity);
        }
        this.capacity = capacity;
        int size = Integer.highestOneBit(Math.max(1, capacity - 1)) << 1;
        this.slots = new AtomicReferenceArray<>(capacity == 1 ? 1 : size);
        this.mask = slots.length() - 1;
    }

    /** Adds a record unless the queue is full or closed; never blocks. */
    boolean offer(AccessRecord record) {
        while (true) {
            long t = tail.get();
            if (t < 0 || t - head >= capacity) {
                return false;
            }
            if (tail.compareAndSet(t, t + 1)) {
                slots.set((int) (t & mask), record);
                if (waiting) {
                    waiting = false;
                    LockSupport.unpark(consumer);
                }
                return true;
            }
        }
    }

    /**
     * Moves up to {@code into.length} of the oldest records into {@code into}, waiting at most
     * {@code wait} for the first one. Called by the one consumer thread only.
     *
     * @return how many were moved; 0 when none came in time, -1 once closed and empty
     */
    int drainTo(AccessRecord[] into, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            int n = take(into);
            if (n > 0) {
                return n;
            }
            long t = tail.get();
            if (t < 0 && (t & ~CLOSED) == head) {
                return -1;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return 0;
            }
            park(left);
        }
    }

    /** Takes what is published, in order; stops at a slot claimed but not yet written. */
    private int take(AccessRecord[] into) {
        long h = head;
        long end = tail.get() & ~CLOSED;
        int n = 0;
        while (h < end && n < into.length) {
            int i = (int) (h & mask);
            AccessRecord r = slots.get(i);
            if (r == null) {
                break; // its producer is between the claim and the write: back soon
            }
            slots.lazySet(i, null);
            into[n++] = r;
            h++;
        }
        head = h;
        return n;
    }

    /** Waits until an offer or a close wakes it, or this long has passed. */
    private void park(long nanos) {
        consumer = Thread.currentThread();
        waiting = true;
        long t = tail.get(); // after raising the flag: any later offer sees it and unparks
        if (t == head) {
            LockSupport.parkNanos(this, nanos); // empty and open
        } else if ((t & ~CLOSED) != head) {
            Thread.yield(); // a slot claimed, not yet written: let its producer run
        }
        waiting = false;
    }

    /** Refuses every later offer; records already accepted stay to be drained. */
    void close() {
        tail.getAndUpdate(t -> t | CLOSED);
        Thread c = consumer;
        if (c != null) {
            LockSupport.unpark(c);
        }
    }

    /** How many accepted records were never handed out (for a consumer that gave up). */
    int discard() {
        return (int) Math.min(Integer.MAX_VALUE, (tail.get() & ~CLOSED) - head);
    }

    /** The most records it holds. */
    int capacity() {
        return capacity;
    }
}
