package io.httpd.core.http1;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;

/**
 * The buffered byte input of one connection, reused for every request on it. Heads are parsed
 * straight from {@link #buffer()}; body readers pull through {@link #read}. Every fill honours
 * a deadline, so a slow client can hold the connection's virtual thread only as long as the
 * configured timeouts allow.
 */
final class WireReader {
    /** Read buffers of idle connections, for the next exchange on any connection. */
    static final BufferPool POOL = new BufferPool(64);
    /** What an idle connection reads its next request's first bytes into. */
    static final int IDLE_BYTES = 1024;
    private final InputStream in;
    private final Transport transport;
    private byte[] buf;
    private final TrafficCounters counters; // bytes received
    private int pos;
    private int limit;
    private long deadlineNanos; // 0: none
    private int gapMillis;      // 0: none
    private java.io.Flushable beforeBlocking;
    private byte[] idle; // made on the first fillIdle, kept: small
    private int size;    // of the buffer, also while it is given back
    private int fills;   // calls of fill(), each of which may move what the buffer holds

    WireReader(Transport transport, int bufferSize, TrafficCounters counters) throws IOException {
        this.transport = transport;
        this.counters = counters;
        this.in = transport.input();
        this.buf = POOL.take(bufferSize);
        this.size = bufferSize;
    }

    /**
     * Output to flush before any read that may block: responses to pipelined requests leave
     * together, yet no response waits on a read.
     */
    void flushBeforeBlocking(java.io.Flushable output) {
        this.beforeBlocking = output;
    }

    private void aboutToBlock() throws IOException {
        if (beforeBlocking != null) {
            beforeBlocking.flush();
        }
        transport.readTimeout(remainingMillis());
    }

    /** Every later fill must complete within this time from now. */
    void deadlineIn(java.time.Duration time) {
        deadlineNanos = System.nanoTime() + time.toNanos();
        gapMillis = 0;
    }

    /** Each later fill may wait this long for its first byte: a gap limit, not a deadline. */
    void gapLimit(java.time.Duration time) {
        deadlineNanos = 0;
        gapMillis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, time.toMillis()));
    }

    /**
     * Closes in stages (RFC 9112 §9.6): half-close, then read and discard what the client still
     * sends until it closes too, for at most {@code time}. Closing at once with unread input
     * makes the TCP stack send a reset, which can destroy the response before the client read
     * it: a 413 or 400 answered while the client is still sending content.
     */
    void linger(java.time.Duration time) {
        try {
            transport.shutdownOutput();
            deadlineIn(time);
            byte[] discard = new byte[8192];
            while (read(discard, 0, discard.length) >= 0) {
                // discarded: the request was answered already
            }
        } catch (IOException ignored) {
            // deadline passed or the peer reset: close now either way
        }
    }

    /** Grows the buffer to at least this many bytes, keeping what it holds (a reload's limits). */
    void capacity(int bytes) {
        if (bytes > size) {
            buf = buf == null ? null : java.util.Arrays.copyOf(buf, bytes);
            size = bytes;
        }
    }

    /**
     * {@link #fill()} for a connection waiting for its next request, with nothing buffered: the
     * buffer goes back to the {@link #POOL} while it waits, reading into a small array, and is
     * taken again (the same length) with the first bytes. A head longer than the small array
     * takes one more read. After an exception the reader holds no buffer and is done.
     *
     * @return false at end of stream
     */
    boolean fillIdle() throws IOException {
        goIdle();
        if (idle == null) {
            idle = new byte[IDLE_BYTES];
        }
        int n = in.read(idle, 0, idle.length);
        if (n < 0) {
            return false;
        }
        counters.received(n);
        buf = POOL.take(size);
        System.arraycopy(idle, 0, buf, 0, n);
        limit = n;
        return true;
    }

    /**
     * Lets the connection rest, if its transport can ({@link Transport#rest}), with nothing
     * buffered: the buffer goes back to the pool as in {@link #fillIdle()}, and the rest lasts
     * what a read would wait. After true the caller must leave the connection at once: another
     * thread may serve it from then on.
     */
    boolean rest() throws IOException {
        goIdle();
        return transport.rest();
    }

    /** Between requests, nothing buffered: flushes, bounds the wait, gives the buffer back. */
    private void goIdle() throws IOException {
        if (limit > pos) {
            throw new IllegalStateException("bytes buffered");
        }
        aboutToBlock();
        release();
    }

    /** Gives the buffer back to the pool, what it holds dropped: the connection is done with it. */
    void release() {
        if (buf != null) {
            POOL.give(buf);
            buf = null;
        }
        pos = limit = 0;
    }

    /** Whether it holds its large buffer now (false while idle in {@link #fillIdle()}). */
    boolean holdsBuffer() {
        return buf != null;
    }

    /** Bytes received but not consumed yet (pipelined requests, body starts). */
    int buffered() {
        return limit - pos;
    }

    byte[] buffer() {
        return buf;
    }

    int position() {
        return pos;
    }

    int limit() {
        return limit;
    }

    /** How many times {@link #fill()} ran: while it stays the same, buffered bytes stay put. */
    int fills() {
        return fills;
    }

    void skip(int count) {
        pos += count;
    }

    /**
     * Reads more bytes into the buffer, compacting it first.
     *
     * @return false at end of stream
     * @throws SocketTimeoutException when the deadline passed
     */
    boolean fill() throws IOException {
        fills++;
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        if (limit == buf.length) {
            throw new IllegalStateException("buffer full");
        }
        aboutToBlock();
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            return false;
        }
        counters.received(n);
        limit += n;
        return true;
    }

    private int remainingMillis() throws SocketTimeoutException {
        if (deadlineNanos == 0) {
            return gapMillis;
        }
        long leftNanos = deadlineNanos - System.nanoTime();
        if (leftNanos <= 0) {
            throw new SocketTimeoutException("deadline passed");
        }
        // rounded up: a read never times out before the deadline
        return (int) Math.min(Integer.MAX_VALUE, (leftNanos + 999_999) / 1_000_000);
    }

    /** Reads up to len bytes, from the buffer first; -1 at end of stream. */
    int read(byte[] dst, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (pos == limit) {
            if (len >= buf.length) { // large reads bypass the buffer
                aboutToBlock();
                int n = in.read(dst, off, len);
                counters.received(Math.max(0, n));
                return n;
            }
            pos = limit = 0;
            if (!fill()) {
                return -1;
            }
        }
        int n = Math.min(len, limit - pos);
        System.arraycopy(buf, pos, dst, off, n);
        pos += n;
        return n;
    }

    /** Reads one byte, or -1 at end of stream. */
    int read() throws IOException {
        if (pos == limit && !fill()) {
            return -1;
        }
        return buf[pos++] & 0xff;
    }

    /** The buffer size for these limits: it must hold the longest line they allow. */
    static int sizeFor(io.httpd.core.config.Limits limits) {
        return Math.max(16 * 1024,
                Math.max(limits.requestLineBytes(), limits.headerBytes()) + 2);
    }
}
