package io.httpd.core.http1;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The input of a {@link PolledTransport}: what its {@link Poller} read and the connection's
 * thread has not taken yet. The poller {@linkplain #fill fills} it and unparks the thread that
 * waits; the thread's reads take from it and park only when it is empty. The bytes sit in an
 * array made when the first come and dropped when the last are taken, so an idle connection
 * holds none.
 *
 * <p>It holds at most about {@link #READ_AHEAD} bytes: past that it asks the poller to stop
 * reading ({@link #paused()}) until the thread has taken half, so a client that sends faster
 * than its handler reads is held back by TCP.
 *
 * <p>Reads wait untimed: each records its deadline, and {@link ReadDeadlines} ends it when it
 * passes (unparks the thread), which the read reports as a {@link SocketTimeoutException}.
 *
 * <p>Between requests the connection may {@linkplain #rest rest}: no thread waits for it, and
 * whatever comes next (bytes, the end, a failure, a close, the deadline) is an event the
 * transport hands to its poller, which serves the connection again ({@link Wake#serve}). One
 * event takes the rest, so the connection is served on one thread at a time.
 */
final class Inbox extends InputStream implements ReadDeadlines.Watched {
    /** Bytes read ahead of the connection's thread at which the poller stops reading. */
    static final int READ_AHEAD = 64 * 1024;
    /** {@link #readDeadline} of a read that {@link ReadDeadlines} ended. */
    private static final long EXPIRED = 1;

    /** What the inbox tells its transport. */
    interface Wake {
        /** {@link #paused()} changed; called holding the inbox's monitor. */
        void pausedChanged();

        /** A read is about to park its thread. */
        void beforeWait();

        /** The connection rested, and something came that it must see (not from the poller). */
        void serve();
    }

    /**
     * What {@link #fill} and {@link #end} return when the connection rests: the poller is to serve
     * it (the only thread that fills an inbox).
     */
    static final Thread RESTING = Thread.ofVirtual().unstarted(() -> { });

    private final Wake wake;
    /** System.nanoTime() by which the read in progress must end; 0 when none waits. */
    private final AtomicLong readDeadline = new AtomicLong();
    private int gapMillis; // how long each read may wait; 0: forever
    private volatile Thread reader; // parked until bytes come
    private volatile boolean closed;
    // guarded by this: shared between the poller and the connection's thread
    private byte[] bytes; // null when empty
    private int start;
    private int end;
    private boolean ended;       // the peer ended its side, or reading failed
    private IOException failure; // why reading failed, reported once the bytes are taken
    private boolean paused;      // full, or ended: the poller reads no more
    private boolean resting;     // no thread serves the connection: the next event must
    private long restDeadline;   // System.nanoTime() by which a rest ends; 0: none
    private boolean restExpired; // the rest ended by its deadline: the next read times out

    Inbox(Wake wake) {
        this.wake = wake;
    }

    // ---- the poller's side

    /**
     * Adds what the buffer has left, after what it holds.
     *
     * @return the thread to unpark, or null
     */
    synchronized Thread fill(ByteBuffer read) {
        int n = read.remaining();
        if (bytes == null) {
            bytes = new byte[n];
            start = end = 0;
        } else if (end + n > bytes.length) {
            int held = end - start;
            byte[] grown = new byte[Math.max(held + n, 2 * held)];
            System.arraycopy(bytes, start, grown, 0, held);
            bytes = grown;
            start = 0;
            end = held;
        }
        read.get(bytes, end, n);
        end += n;
        if (end - start >= READ_AHEAD && !paused) {
            paused = true;
            wake.pausedChanged();
        }
        return resting ? wakeFromRest() : reader;
    }

    /** Ends the rest, holding the monitor: the caller serves the connection. */
    private Thread wakeFromRest() {
        resting = false;
        restDeadline = 0;
        return RESTING;
    }

    /**
     * The peer ended its side (failed null), or reading failed: once the bytes it holds are
     * taken, reads return -1 or throw.
     *
     * @return the thread to unpark, or null
     */
    synchronized Thread end(IOException failed) {
        ended = true;
        failure = failed;
        if (!paused) {
            paused = true;
            wake.pausedChanged();
        }
        return resting ? wakeFromRest() : reader;
    }

    /** Whether the poller should leave the channel unread for now. */
    synchronized boolean paused() {
        return paused;
    }

    /** Why reading failed (a reset), or null. */
    synchronized IOException failure() {
        return failure;
    }

    // ---- the connection thread's side

    /**
     * Lets the connection rest until something comes, if nothing has: its thread then leaves it.
     * The rest lasts at most the gap limit, like a read ({@link #gapLimit}).
     *
     * @return whether it rests; false when there is something to read (or to fail with) now
     */
    synchronized boolean rest() {
        if (end > start || ended || closed || restExpired) {
            return false;
        }
        resting = true;
        restDeadline = gapDeadline();
        return true;
    }

    /**
     * When a wait that starts now must end: now plus the gap limit, never 0 (none) nor
     * {@link #EXPIRED} (a clock may pass through both); 0 when there is no limit.
     */
    private long gapDeadline() {
        if (gapMillis == 0) {
            return 0;
        }
        long deadline = System.nanoTime() + gapMillis * 1_000_000L;
        return deadline == 0 || deadline == EXPIRED ? 2 : deadline;
    }

    /** How long each later read may wait for its first byte, in milliseconds; 0: forever. */
    void gapLimit(int millis) {
        if (millis != gapMillis && millis > 0) {
            ReadDeadlines.SHARED.timeoutOf(millis);
        }
        gapMillis = millis;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    /** Takes up to len bytes, waiting for some; -1 once the peer ended. */
    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        int n = take(b, off, len);
        if (n != 0) {
            return n;
        }
        readDeadline.set(gapDeadline());
        try {
            while ((n = take(b, off, len)) == 0) {
                if (readDeadline.get() == EXPIRED || restExpired()) {
                    throw new SocketTimeoutException("read timed out");
                }
                wake.beforeWait();
                LockSupport.park(this);
            }
            return n;
        } finally {
            reader = null;
            readDeadline.set(0);
        }
    }

    /** Whether a rest ended by its deadline, once: the first read after it times out. */
    private synchronized boolean restExpired() {
        boolean expired = restExpired;
        restExpired = false;
        return expired;
    }

    /**
     * Takes bytes; 0 when it holds none, the caller then parks (it is the {@link #reader} the
     * poller unparks).
     */
    private synchronized int take(byte[] b, int off, int len) throws IOException {
        int held = end - start;
        if (held == 0) {
            if (failure != null) {
                throw new SocketException(failure.getMessage());
            }
            if (ended) {
                return -1;
            }
            if (closed) {
                throw new SocketException("Socket closed");
            }
            reader = Thread.currentThread();
            return 0;
        }
        int n = Math.min(len, held);
        restExpired = false; // bytes came after all
        System.arraycopy(bytes, start, b, off, n);
        start += n;
        if (start == end) {
            bytes = null;
        }
        if (paused && !ended && held - n <= READ_AHEAD / 2) {
            paused = false;
            wake.pausedChanged();
        }
        return n;
    }

    @Override
    public synchronized int available() {
        return end - start;
    }

    @Override
    public long deadline() {
        long deadline = readDeadline.get();
        if (deadline == 0) {
            synchronized (this) {
                return restDeadline;
            }
        }
        return deadline == EXPIRED ? 0 : deadline;
    }

    @Override
    public void expire(long deadline) {
        if (readDeadline.compareAndSet(deadline, EXPIRED)) {
            LockSupport.unpark(reader);
            return;
        }
        synchronized (this) {
            if (!resting || restDeadline != deadline) {
                return;
            }
            wakeFromRest();
            restExpired = true;
        }
        wake.serve();
    }

    /**
     * Wakes a read that waits, or a connection that rests; it and every later read fail once the
     * bytes are taken.
     */
    @Override
    public void close() {
        boolean wasResting;
        synchronized (this) {
            closed = true;
            wasResting = resting;
            if (resting) {
                wakeFromRest();
            }
        }
        LockSupport.unpark(reader);
        if (wasResting) {
            wake.serve();
        }
    }
}
