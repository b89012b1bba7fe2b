package io.httpd.core.http1;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.FileChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A plain connection whose waiting a {@link Poller} does: the channel is non-blocking and stays
 * registered for reading from accept to close. The poller reads what arrives into this
 * transport's inbox and unparks the connection's thread; the thread's reads take from the
 * inbox and park only when it is empty. Writes go straight to the channel; one that finds the
 * socket full asks the poller for room and parks until it comes. The connection's thread runs
 * the same loop as over a blocking socket ({@link Connection}); only the waiting moved.
 *
 * <p>The inbox holds at most about {@link #READ_AHEAD} bytes: past that the poller stops
 * reading this connection until its thread has taken half, so a client that sends faster than
 * its handler reads is held back by TCP, as before.
 *
 * <p>Reads wait untimed: each records its deadline, and {@link ReadDeadlines} ends it when it
 * passes, which the read reports as a {@link SocketTimeoutException}. A write records since
 * when it waits for room ({@link #sendingSince}) for {@code server.SendTimeout}.
 */
public final class PolledTransport implements Transport, ReadDeadlines.Watched {
    /** Bytes read ahead of the connection's thread at which the poller stops reading. */
    static final int READ_AHEAD = 64 * 1024;
    /** {@link #readDeadline} of a read that {@link ReadDeadlines} ended. */
    private static final long EXPIRED = 1;

    private final SocketChannel channel;
    private final Poller poller;
    private final SelectionKey key;
    private final InetSocketAddress remote;
    private final InputStream input = new Input();
    private final OutputStream output = new Output();
    /** System.nanoTime() by which the read in progress must end; 0 when none waits. */
    private final AtomicLong readDeadline = new AtomicLong();
    private int gapMillis; // how long each read may wait; 0: forever
    private long fileBytesSent;
    private volatile long sendingSince; // System.nanoTime() when a write began to wait for room
    private volatile Thread reader;     // parked until the inbox has bytes
    private volatile Thread writer;     // parked until the socket has room
    private volatile boolean closed;
    // guarded by this: shared between the poller and the connection's thread
    private byte[] inbox;          // null when empty
    private int inboxStart;
    private int inboxEnd;
    private boolean ended;         // the peer ended its side, or reading failed
    private IOException failure;   // why reading failed, after the inbox is taken
    private boolean readPaused;    // the inbox is full, or ended
    private boolean roomWanted;    // a write waits for the socket to drain

    /** Registers the channel with the next poller; it must not be used in blocking mode again. */
    public PolledTransport(SocketChannel channel) throws IOException {
        this.channel = channel;
        this.remote = (InetSocketAddress) channel.getRemoteAddress();
        this.poller = Poller.next();
        this.key = poller.register(channel, this);
        ReadDeadlines.SHARED.watch(this);
    }

    /** Opens the pollers before the first connection: see {@link Poller#start()}. */
    public static void startPollers() throws IOException {
        Poller.start();
    }

    @Override
    public InputStream input() {
        return input;
    }

    @Override
    public OutputStream output() {
        return output;
    }

    @Override
    public InetSocketAddress remote() {
        return remote;
    }

    @Override
    public void readTimeout(int millis) {
        if (millis != gapMillis && millis > 0) {
            ReadDeadlines.SHARED.timeoutOf(millis);
        }
        gapMillis = millis;
    }

    // ---- the poller's side

    /**
     * On the poller: the channel is readable; reads what it has into the inbox.
     *
     * @return the thread to unpark once the poller has read every ready connection, or null
     */
    Thread readable(SelectionKey key, ByteBuffer scratch) {
        scratch.clear();
        int n;
        IOException failed = null;
        try {
            n = channel.read(scratch);
        } catch (IOException e) {
            n = -1;
            failed = e;
        }
        synchronized (this) {
            if (n < 0) {
                ended = true;
                failure = failed;
                readPaused = true;
                interest(key);
            } else if (n > 0) {
                append(scratch.flip());
                if (inboxEnd - inboxStart >= READ_AHEAD) {
                    readPaused = true;
                    interest(key);
                }
            }
        }
        return reader;
    }

    /** On the poller: the socket has room again for the write that waits. */
    void writable(SelectionKey key) {
        synchronized (this) {
            roomWanted = false;
            interest(key);
        }
        LockSupport.unpark(writer);
    }

    /** What the poller watches the channel for now. Holds this. */
    private void interest(SelectionKey key) {
        int ops = (readPaused ? 0 : SelectionKey.OP_READ) | (roomWanted ? SelectionKey.OP_WRITE : 0);
        try {
            key.interestOps(ops);
        } catch (CancelledKeyException e) {
            // closed: nothing is watched any more
        }
    }

    private void append(ByteBuffer bytes) {
        int n = bytes.remaining();
        if (inbox == null) {
            inbox = new byte[n];
            inboxStart = inboxEnd = 0;
        } else if (inboxEnd + n > inbox.length) {
            int held = inboxEnd - inboxStart;
            byte[] grown = new byte[Math.max(held + n, 2 * held)];
            System.arraycopy(inbox, inboxStart, grown, 0, held);
            inbox = grown;
            inboxStart = 0;
            inboxEnd = held;
        }
        bytes.get(inbox, inboxEnd, n);
        inboxEnd += n;
    }

    // ---- the connection thread's side

    /** Takes up to len bytes from the inbox, waiting for some; -1 once the peer ended. */
    private int read(byte[] b, int off, int len) throws IOException {
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
     * Takes bytes from the inbox; 0 when it is empty, the caller then parks (it is the
     * {@link #reader} the poller unparks).
     */
    private int take(byte[] b, int off, int len) throws IOException {
        boolean resume;
        int n;
        synchronized (this) {
            int held = inboxEnd - inboxStart;
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
            n = Math.min(len, held);
            System.arraycopy(inbox, inboxStart, b, off, n);
            inboxStart += n;
            if (inboxStart == inboxEnd) {
                inbox = null;
            }
            resume = readPaused && !ended && held - n <= READ_AHEAD / 2;
            if (resume) {
                readPaused = false;
                interest(key);
            }
        }
        if (resume) {
            poller.wakeup();
        }
        return n;
    }

    private synchronized int held() {
        return inboxEnd - inboxStart;
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

    /** Writes all of it, waiting for room as often as the peer makes the socket full. */
    private void write(ByteBuffer src) throws IOException {
        try {
            while (src.hasRemaining()) {
                if (channel.write(src) == 0) {
                    awaitRoom();
                }
            }
        } catch (IOException e) {
            throw causeOf(e);
        }
    }

    /**
     * Why a write failed: a reset that the poller's read met first (it takes the socket's
     * error, so the write itself sees only a broken pipe), else the write's own error.
     */
    private IOException causeOf(IOException writeFailed) {
        IOException readFailed;
        synchronized (this) {
            readFailed = failure;
        }
        return readFailed == null ? writeFailed
                : new SocketException(readFailed.getMessage(), writeFailed);
    }

    /** Parks until the poller sees room in the socket, or the connection is closed. */
    private void awaitRoom() throws IOException {
        sendingSince = System.nanoTime();
        try {
            synchronized (this) {
                roomWanted = true;
                writer = Thread.currentThread();
                interest(key);
            }
            poller.wakeup();
            while (waitingForRoom()) {
                LockSupport.park(this);
            }
        } finally {
            writer = null;
            sendingSince = 0;
        }
    }

    private synchronized boolean waitingForRoom() throws SocketException {
        if (closed) {
            throw new SocketException("Socket closed");
        }
        return roomWanted;
    }

    @Override
    public boolean transferFile(FileChannel file, long position, long count) throws IOException {
        long end = position + count;
        while (position < end) {
            long n;
            try {
                n = file.transferTo(position, end - position, channel);
            } catch (IOException e) {
                throw causeOf(e);
            }
            if (n > 0) {
                position += n;
                fileBytesSent += n;
            } else if (position >= file.size()) {
                throw new IOException("file shrank while being sent");
            } else {
                awaitRoom();
            }
        }
        return true;
    }

    @Override
    public long sendingSince() {
        return sendingSince;
    }

    @Override
    public long fileBytesSent() {
        return fileBytesSent;
    }

    @Override
    public void shutdownOutput() throws IOException {
        channel.shutdownOutput();
    }

    /** Closes the channel and wakes a thread that waits on it; idempotent. */
    @Override
    public void close() throws IOException {
        ReadDeadlines.SHARED.forget(this);
        closed = true;
        try {
            channel.close(); // cancels the key; the poller closes the descriptor when it drops it
        } finally {
            poller.wakeup();
            LockSupport.unpark(reader);
            LockSupport.unpark(writer);
        }
    }

    /** The inbox as a stream: what {@link WireReader} reads. */
    private final class Input extends InputStream {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = PolledTransport.this.read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return PolledTransport.this.read(b, off, len);
        }

        @Override
        public int available() {
            return held();
        }
    }

    /** The channel as a stream: what {@link WireWriter} writes through. */
    private final class Output extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            PolledTransport.this.write(ByteBuffer.wrap(b, off, len));
        }
    }
}
