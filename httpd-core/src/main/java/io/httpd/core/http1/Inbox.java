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
 */
final class Inbox extends InputStream implements ReadDeadlines.Watched {
    /** Bytes read ahead of the connection's thread at which the poller stops reading. */
    static final int READ_AHEAD = 64 * 1024;
    /** {@link #readDeadline} of a read that {@link ReadDeadlines} ended. */
    private static final long EXPIRED = 1;

    /** Told, holding this inbox's monitor, that {@link #paused()} changed. */
    private final Runnable pausedChanged;
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

    Inbox(Runnable pausedChanged) {
        this.pausedChanged = pausedChanged;
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
            pausedChanged.run();
        }
        return reader;
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
            pausedChanged.run();
        }
        return reader;
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
        long deadline = gapMillis == 0 ? 0 : System.nanoTime() + gapMillis * 1_000_000L;
        readDeadline.set(deadline == 0 ? 0 : deadline == EXPIRED ? 2 : deadline);
        try {
            while ((n = take(b, off, len)) == 0) {
                if (readDeadline.get() == EXPIRED) {
                    throw new SocketTimeoutException("read timed out");
                }
                LockSupport.park(this);
            }
            return n;
        } finally {
            reader = null;
            readDeadline.set(0);
        }
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
        System.arraycopy(bytes, start, b, off, n);
        start += n;
        if (start == end) {
            bytes = null;
        }
        if (paused && !ended && held - n <= READ_AHEAD / 2) {
            paused = false;
            pausedChanged.run();
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
        return deadline == EXPIRED ? 0 : deadline;
    }

    @Override
    public void expire(long deadline) {
        if (readDeadline.compareAndSet(deadline, EXPIRED)) {
            LockSupport.unpark(reader);
        }
    }

    /** Wakes a read that waits; it and every later one fail once the bytes are taken. */
    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(reader);
    }
}
