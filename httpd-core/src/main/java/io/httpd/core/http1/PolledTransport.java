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
 * the inbox and park only when it is empty. Writes go straight to the socket; one that finds
 * the socket full asks the poller for room and parks until it comes, recording since when
 * ({@link #sendingSince}) for {@code server.SendTimeout}. The connection's thread runs the same
 * loop as over a blocking socket ({@link Connection}); only the waiting moved. Reads, writes
 * and files use {@link SocketCalls} once they are linked, else the channel's own calls.
 */
public final class PolledTransport implements Transport {
    private static final int FULL = -1;   // from a system call: the socket had no room, or no bytes
    private static final int CLOSED = -2; // from a system call: the channel must say what happened
    private final SocketChannel channel;
    private final Poller poller;
    private final SelectionKey key;
    private final InetSocketAddress remote;
    private final Inbox inbox = new Inbox(new Wakes());
    private final OutputStream output = new Output();
    private final boolean channelOnly; // never SocketCalls: see #systemCalls
    private final Object closing = new Object(); // held by a close and by SocketCalls' calls
    private long fileBytesSent;
    private boolean fileFollows; // the next write goes with MSG_MORE: see #fileFollows
    private int descriptor = -1; // the channel's, once asked for: see SocketCalls
    private volatile long sendingSince; // System.nanoTime() when a write began to wait for room
    private volatile Thread writer;     // parked until the socket has room
    private boolean roomWanted; // a write waits for the socket to drain; guarded by the inbox
    private Connection connection; // served by the poller: see #serveOnPoller
    // the poller whose thread serves the connection now, and that run: on the connection's thread
    private Poller servedBy;
    private long servedRun;

    /** Registers the channel with the next poller; it must not be used in blocking mode again. */
    public PolledTransport(SocketChannel channel) throws IOException {
        this(channel, false);
    }

    /** For tests: {@code channelOnly} does all through the channel, as without the options. */
    PolledTransport(SocketChannel channel, boolean channelOnly) throws IOException {
        this.channel = channel;
        this.channelOnly = channelOnly;
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

    /**
     * Has the poller serve the connection on its own thread, from its first bytes on: it rests
     * between requests with no thread of its own ({@link Connection#serve}).
     */
    public void serveOnPoller(Connection connection) {
        this.connection = connection;
        poller.serveSoon(this);
    }

    /**
     * Rests when served by the poller ({@link #serveOnPoller}) and nothing came: see
     * {@link Inbox#rest}. The serving run is forgotten first: once at rest, the poller may serve
     * the connection on another thread at once.
     */
    @Override
    public boolean rest() {
        if (connection == null) {
            return false;
        }
        Poller p = servedBy;
        long run = servedRun;
        servedBy = null;
        if (inbox.rest()) {
            return true;
        }
        servedBy = p;
        servedRun = run;
        return false;
    }

    @Override
    public void mayBlock() {
        Poller p = servedBy;
        if (p != null) {
            servedBy = null;
            p.handOver(servedRun);
        }
    }

    // ---- the poller's side

    /**
     * On the poller's thread, run {@code run}: serves the connection until it rests or ends. If
     * it must wait meanwhile (for bytes, for room, for a handler that may block), the poller first
     * hands its work to a new thread ({@link Poller#handOver}), and this one stays with the
     * connection until it rests.
     */
    void serve(Poller p, long run) {
        servedBy = p;
        servedRun = run;
        connection.serve(); // nothing here is touched after: it may rest, served elsewhere then
    }

    /**
     * On the poller: the channel is readable; reads what it has into the inbox.
     *
     * @return the thread to unpark once the poller has read every ready connection, or null
     */
    Thread readable(SocketCalls.Receiving scratch) {
        try {
            int n = systemCalls() ? receive(scratch) : CLOSED;
            if (n != CLOSED) {
                return n == 0 ? inbox.end(null) : n > 0 ? inbox.fill(scratch.buffer) : null;
            }
            ByteBuffer buffer = scratch.buffer.clear();
            n = channel.read(buffer);
            return n < 0 ? inbox.end(null) : n > 0 ? inbox.fill(buffer.flip()) : null;
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

    /** What the inbox tells this transport. */
    private final class Wakes implements Inbox.Wake {
        @Override
        public void pausedChanged() {
            interest();
            poller.wakeup(); // when the connection's thread resumed reading: now, not at the next event
        }

        @Override
        public void beforeWait() {
            mayBlock();
        }

        @Override
        public void serve() {
            poller.serveSoon(PolledTransport.this);
        }
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
            mayBlock();
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
        fileFollows = false; // there was no head to hold back
        int source = systemCalls() ? SocketCalls.descriptor(file) : -1;
        long end = position + count;
        while (position < end) {
            long n;
            try {
                n = source < 0 ? CLOSED : sendfile(source, position, end - position);
                if (n == CLOSED) { // the channel's way: 0 when full, or it says what failed
                    n = file.transferTo(position, end - position, channel);
                    if (n == 0 && position < file.size()) {
                        n = FULL;
                    }
                }
            } catch (IOException e) {
                throw causeOf(e);
            }
            if (n > 0) {
                position += n;
                fileBytesSent += n;
            } else if (n == FULL) {
                awaitRoom();
            } else {
                throw new IOException("file shrank while being sent");
            }
        }
        return true;
    }

    /** With {@link SocketCalls}, the next write (the head) leaves in the file's first packet. */
    @Override
    public void fileFollows() {
        fileFollows = systemCalls();
    }

    /**
     * Sends with one {@code send(2)} ({@code more}: {@code MSG_MORE}), holding off a close: the
     * descriptor is not given to another socket meanwhile (the channel closes it, or the poller
     * once it drops the key, only after {@link #close}).
     *
     * @return bytes sent, {@link #FULL}, or {@link #CLOSED}
     */
    private int send(byte[] b, int off, int len, boolean more) throws SocketException {
        synchronized (closing) {
            return channel.isOpen() ? SocketCalls.send(socket(), b, off, len, more) : CLOSED;
        }
    }

    /**
     * Sends from the file with one {@code sendfile(2)}, holding off a close as {@link #send}.
     *
     * @return bytes sent, 0 at the file's end, {@link #FULL}, or {@link #CLOSED}
     */
    private long sendfile(int file, long position, long count) throws SocketException {
        synchronized (closing) {
            return channel.isOpen() ? SocketCalls.sendfile(socket(), file, position, count) : CLOSED;
        }
    }

    /**
     * Receives with one {@code recv(2)}, holding off a close as {@link #send}.
     *
     * @return bytes received, 0 at the end, {@link #FULL} (here: none were there), or
     *         {@link #CLOSED}
     */
    private int receive(SocketCalls.Receiving scratch) throws SocketException {
        synchronized (closing) {
            return channel.isOpen() ? SocketCalls.receive(socket(), scratch) : CLOSED;
        }
    }

    /**
     * Whether I/O goes through {@link SocketCalls} rather than the channel: once they are
     * linked, a moment after start, for every connection (a volatile read per call).
     */
    private boolean systemCalls() {
        return !channelOnly && SocketCalls.ready();
    }

    /** The socket's descriptor, asked for once. */
    private int socket() {
        if (descriptor < 0) {
            descriptor = SocketCalls.descriptor(channel);
        }
        return descriptor;
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
            synchronized (closing) {
                channel.close(); // cancels the key; the poller closes the descriptor when it drops it
            }
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
            if (systemCalls()) {
                boolean more = fileFollows;
                fileFollows = false;
                int sent;
                try {
                    sent = send(b, off, len, more);
                } catch (SocketException e) {
                    throw causeOf(e);
                }
                if (sent == len) {
                    return;
                } else if (sent > 0) {
                    off += sent;
                    len -= sent;
                } // the rest through the channel, which waits for room or says why it cannot
            }
            PolledTransport.this.write(ByteBuffer.wrap(b, off, len));
        }
    }
}
