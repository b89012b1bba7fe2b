package io.httpd.core.http1;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A bounded free list of byte arrays shared by all connections, so that a connection holds its
 * large read and write buffers only while it has a request to serve: an idle keep-alive
 * connection gives them back, the next exchange takes them again (c10k memory). Lock-free and
 * allocation-free; when it is empty an array is allocated, when it is full one is dropped.
 */
final class BufferPool {
    private final AtomicReferenceArray<byte[]> slots;
    private final int mask;

    /** @param slots how many arrays it keeps at most; a power of two */
    BufferPool(int slots) {
        if (Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots must be a power of two: " + slots);
        }
        this.slots = new AtomicReferenceArray<>(slots);
        this.mask = slots - 1;
    }

    /** An array of exactly this length: a kept one (its bytes are stale) or a new one. */
    byte[] take(int length) {
        int start = start();
        for (int i = 0; i <= mask; i++) {
            int slot = (start + i) & mask;
            if (slots.get(slot) != null) {
                byte[] b = slots.getAndSet(slot, null);
                if (b != null && b.length == length) {
                    return b;
                } // another length (limits changed by a reload): dropped
            }
        }
        return new byte[length];
    }

    /** Keeps the array for a later take, or drops it when the pool is full. */
    void give(byte[] b) {
        int start = start();
        for (int i = 0; i <= mask; i++) {
            int slot = (start + i) & mask;
            if (slots.get(slot) == null && slots.compareAndSet(slot, null, b)) {
                return;
            }
        }
    }

    /** How many arrays it holds now. */
    int size() {
        int n = 0;
        for (int i = 0; i <= mask; i++) {
            n += slots.get(i) != null ? 1 : 0;
        }
        return n;
    }

    private int start() {
        return (int) Thread.currentThread().threadId() & mask;
    }
}
