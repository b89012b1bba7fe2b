package io.httpd.core.accesslog;

import io.httpd.api.AccessRecord;

import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded first-in-first-out queue of access records that can be closed. Closing and
 * offering take the same lock, so a record is either refused or accepted before the close;
 * an accepted record is always handed out by {@link #take()} (or counted by {@link #discard()}).
 * Many threads may offer; one thread takes.
 */
final class RecordQueue {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final ArrayDeque<AccessRecord> records;
    private final int capacity;
    private boolean closed;
    private boolean consumerWaiting;

    RecordQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("queue capacity must be 1 or more: " + capacity);
        }
        this.capacity = capacity;
        this.records = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    /** Adds a record unless the queue is full or closed; never blocks on space. */
    boolean offer(AccessRecord record) {
        lock.lock();
        try {
            if (closed || records.size() == capacity) {
                return false;
            }
            records.addLast(record);
            if (consumerWaiting) { // a signal per record would wake the consumer per record
                consumerWaiting = false;
                notEmpty.signal();
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** The oldest record, or null when the queue is empty now. */
    AccessRecord poll() {
        lock.lock();
        try {
            return records.pollFirst();
        } finally {
            lock.unlock();
        }
    }

    /** The oldest record, waiting for one; null once the queue is closed and empty. */
    AccessRecord take() {
        lock.lock();
        try {
            while (records.isEmpty() && !closed) {
                consumerWaiting = true;
                notEmpty.awaitUninterruptibly();
            }
            return records.pollFirst();
        } finally {
            lock.unlock();
        }
    }

    /** The oldest record, waiting at most this long for one; null when none came. */
    AccessRecord poll(java.time.Duration wait) {
        lock.lock();
        try {
            long nanos = wait.toNanos();
            while (records.isEmpty() && !closed && nanos > 0) {
                consumerWaiting = true;
                nanos = notEmpty.awaitNanos(nanos);
            }
            return records.pollFirst();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return records.pollFirst();
        } finally {
            lock.unlock();
        }
    }

    /** Refuses every later offer; records already queued stay to be taken. */
    void close() {
        lock.lock();
        try {
            closed = true;
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Removes every queued record and returns how many there were. */
    int discard() {
        lock.lock();
        try {
            int count = records.size();
            records.clear();
            return count;
        } finally {
            lock.unlock();
        }
    }
}
