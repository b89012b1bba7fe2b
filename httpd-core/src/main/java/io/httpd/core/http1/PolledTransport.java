package io.httpd.core.http1;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.FileChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.concurrent.locks.LockSupport;

/**
 * A plain connection whose waiting a {@link Poller} does: the channel is non-blocking and stays
 * registered for reading from accept to close. The poller reads what arrives into this
 * transport's {@link Inbox} and unparks the connection's thread; the thread's reads take from
 * the inbox and park only when it is empty. Writes go straight to the channel; one that finds
 * the socket full asks the poller for room and parks until it comes, recording since when
 * ({@link #sendingSince}) for {@code server.SendTimeout}. The connection's thread runs the same
 * loop as over a blocking socket ({@link Connection}); only the waiting moved.
 */
public final class PolledTransport implements Transport {
    private final SocketChannel channel;
    private final Poller poller;
    private final SelectionKey key;
    private final InetSocketAddress remote;
    private final Inbox inbox = new Inbox(this::interestChanged);
    private final OutputStream output = new Output();
    private long fileBytesSent;
    private volatile long sendingSince; // System.nanoTime() when a write began to wait for room
    private volatile Thread writer;     // parked until the socket has room
    private boolean roomWanted; // a write waits for the socket to drain; guarded by the inbox

    /** Registers the channel with the next poller; it must not be used in blocking mode again. */
    public PolledTransport(SocketChannel channel) throws IOException {
        this.channel = channel;
        this.remote = (InetSocketAddress) channel.getRemoteAddress();
        this.poller = Poller.next();
        this.key = poller.register(channel);
        ReadDeadlines.SHARED.watch(inbox);
        poller.watch(key, this); // only now can the poller call back, with every field set
    }

    @Override
    public InputStream input() {
        return inbox;
    }

    /** The input as {@link ReadDeadlines} watches it. */
    Inbox inbox() {
        return inbox;
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
        inbox.gapLimit(millis);
    }

    // ---- the poller's side

    /**
     * On the poller: the channel is readable; reads what it has into the inbox.
     *
     * @return the thread to unpark once the poller has read every ready connection, or null
     */
    Thread readable(ByteBuffer scratch) {
        scratch.clear();
        try {
            int n = channel.read(scratch);
            return n < 0 ? inbox.end(null) : n > 0 ? inbox.fill(scratch.flip()) : null;
        } catch (IOException e) {
            return inbox.end(e);
        }
    }

    /** On the poller: the socket has room again for the write that waits. */
    void writable() {
        synchronized (inbox) {
            roomWanted = false;
            interest();
        }
        LockSupport.unpark(writer);
    }

    /** The inbox paused or resumed reading; it holds its monitor. */
    private void interestChanged() {
        interest();
        poller.wakeup(); // when the connection's thread resumed reading: now, not at the next event
    }

    /** What the poller watches the channel for now. Holds the inbox's monitor. */
    private void interest() {
        int ops = (inbox.paused() ? 0 : SelectionKey.OP_READ)
                | (roomWanted ? SelectionKey.OP_WRITE : 0);
        try {
            key.interestOps(ops);
        } catch (CancelledKeyException e) {
            // closed: nothing is watched any more
        }
    }

    // ---- the connection thread's side

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
        IOException readFailed = inbox.failure();
        return readFailed == null ? writeFailed
                : new SocketException(readFailed.getMessage(), writeFailed);
    }

    /** Parks until the poller sees room in the socket, or the connection is closed. */
    private void awaitRoom() throws IOException {
        sendingSince = System.nanoTime();
        try {
            synchronized (inbox) {
                roomWanted = true;
                writer = Thread.currentThread();
                interest();
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

    private boolean waitingForRoom() throws SocketException {
        if (!channel.isOpen()) {
            throw new SocketException("Socket closed");
        }
        synchronized (inbox) {
            return roomWanted;
        }
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
        ReadDeadlines.SHARED.forget(inbox);
        try {
            channel.close(); // cancels the key; the poller closes the descriptor when it drops it
        } finally {
            poller.wakeup();
            inbox.close();
            LockSupport.unpark(writer);
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
