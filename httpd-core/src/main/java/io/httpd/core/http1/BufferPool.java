package io.httpd.core.http1;

/**
 * A bounded free list of byte arrays shared by all connections, so that a connection holds its
 * large read and write buffers only while it has a request to serve: an idle keep-alive
 * connection gives them back, the next exchange takes them again (c10k memory). A stack under
 * a lock: a take or a give is a few instructions whatever the pool holds (an earlier version
 * scanned up to 64 slots per call, 3.7 % of the server's CPU on small keep-alive responses).
 * When it is empty an array is allocated, when it is full one is dropped. An array is in the
 * pool or with one connection, never both: {@link #give} takes it from its holder for good.
 */
final class BufferPool {
    private final byte[][] stack;
    private int size;

    /** @param capacity how many arrays it keeps at most */
    BufferPool(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.stack = new byte[capacity][];
    }

    /** An array of exactly this length: a kept one (its bytes are stale) or a new one. */
    byte[] take(int length) {
        byte[] b = pop();
        // another length (limits changed by a reload): dropped
        return b != null && b.length == length ? b : new byte[length];
    }

    private synchronized byte[] pop() {
        if (size == 0) {
            return null;
        }
        byte[] b = stack[--size];
        stack[size] = null;
        return b;
    }

    /** Keeps the array for a later take, or drops it when the pool is full. */
    synchronized void give(byte[] b) {
        if (size < stack.length) {
            stack[size++] = b;
        }
    }

    /** How many arrays it holds now. */
    synchronized int size() {
        return size;
    }
}
