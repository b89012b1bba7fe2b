package io.httpd.core.http1;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link Transport} over a blocking socket channel, with sendfile for file regions.
 *
 * <p>On a virtual thread the JDK runs the socket non-blocking underneath: a write through the
 * channel or its stream parks the thread until the socket is writable, but
 * {@code FileChannel.transferTo} does not park, it returns 0 when the send buffer is full.
 * {@link #transferFile} then sends the next few bytes through a parking channel write, so a
 * peer that stops reading costs no CPU. Every write that may park records when it began
 * ({@link #sendingSince}), so that a {@code server.SendTimeout} can close a connection whose peer
 * accepted nothing for too long.
 *
 * <p>Reads wait untimed: each records its deadline, and {@link ReadDeadlines} shuts the input
 * down when it passes, which the read reports as a {@link SocketTimeoutException}.
 */
public final class SocketTransport implements Transport, ReadDeadlines.Watched {
    /** {@link #readDeadline} of a read that {@link ReadDeadlines} ended. */
    private static final long EXPIRED = 1;
    /** The bytes of a file sent through a parking write when sendfile could send none. */
    private static final int STALL_CHUNK = 16 * 1024;

    private final SocketChannel channel;
    private final Socket socket;
    private final InputStream in;
    private final InputStream watchedIn;
    private final TimedOutput out;
    private final InetSocketAddress remote;
    private int timeout = -1; // the socket's own SO_TIMEOUT: set to 0 once (a PROXY header's reads set one)
    private int gapMillis;    // how long each read may wait; 0: forever
    /** System.nanoTime() by which the read in progress must end; 0 when none waits. */
    private final AtomicLong readDeadline = new AtomicLong();
    private volatile long sendingFileSince; // System.nanoTime() when a parked file write began
    private ByteBuffer stallChunk;      // allocated when sendfile first finds the socket full
    private long fileBytesSent;

    public SocketTransport(SocketChannel channel) throws IOException {
        this.channel = channel;
        this.socket = channel.socket();
        this.in = socket.getInputStream();
        this.watchedIn = new WatchedInput();
        this.out = new TimedOutput(socket.getOutputStream());
        this.remote = (InetSocketAddress) channel.getRemoteAddress();
        ReadDeadlines.SHARED.watch(this);
    }

    @Override
    public InputStream input() {
        return watchedIn;
    }

    @Override
    public OutputStream output() {
        return out;
    }

    @Override
    public InetSocketAddress remote() {
        return remote;
    }

    @Override
    public void readTimeout(int millis) throws IOException {
        if (timeout != 0) {
            socket.setSoTimeout(0);
            timeout = 0;
        }
        if (millis != gapMillis && millis > 0) {
            ReadDeadlines.SHARED.timeoutOf(millis);
        }
        gapMillis = millis;
    }

    @Override
    public long deadline() {
        long deadline = readDeadline.get();
        return deadline == EXPIRED ? 0 : deadline;
    }

    @Override
    public void expire(long deadline) {
        if (readDeadline.compareAndSet(deadline, EXPIRED)) {
            try {
                channel.shutdownInput(); // wakes the read; it reports the timeout
            } catch (IOException ignored) {
                // closed already: the read has ended either way
            }
        }
    }

    /** The socket's input, each read bounded by {@link #gapMillis} through {@link ReadDeadlines}. */
    private final class WatchedInput extends InputStream {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (gapMillis == 0) {
                return in.read(b, off, len);
            }
            long deadline = System.nanoTime() + gapMillis * 1_000_000L;
            readDeadline.set(deadline == 0 || deadline == EXPIRED ? 2 : deadline);
            boolean expired;
            int n;
            try {
                n = in.read(b, off, len);
            } finally {
                expired = readDeadline.getAndSet(0) == EXPIRED;
            }
            if (expired) {
                throw new SocketTimeoutException("read timed out");
            }
            return n;
        }

        @Override
        public int available() throws IOException {
            return in.available();
        }
    }

    @Override
    public boolean transferFile(FileChannel file, long position, long count) throws IOException {
        long end = position + count;
        while (position < end) {
            long n = file.transferTo(position, end - position, channel);
            if (n <= 0) {
                if (position >= file.size()) {
                    throw new IOException("file shrank while being sent");
                }
                n = sendParked(file, position, end);
            }
            position += n;
            fileBytesSent += n;
        }
        return true;
    }

    /**
     * The socket is full: reads a chunk of the file and writes it through the channel, which
     * parks this virtual thread until the peer makes room.
     *
     * @return the bytes sent
     */
    private long sendParked(FileChannel file, long position, long end) throws IOException {
        if (stallChunk == null) {
            stallChunk = ByteBuffer.allocate(STALL_CHUNK);
        }
        ByteBuffer chunk = stallChunk.clear().limit((int) Math.min(STALL_CHUNK, end - position));
        if (file.read(chunk, position) <= 0) {
            throw new IOException("file shrank while being sent");
        }
        chunk.flip();
        int sent = chunk.remaining();
        sendingFileSince = System.nanoTime();
        try {
            while (chunk.hasRemaining()) {
                channel.write(chunk);
            }
        } finally {
            sendingFileSince = 0;
        }
        return sent;
    }

    @Override
    public long sendingSince() {
        long file = sendingFileSince;
        return file != 0 ? file : out.since();
    }

    @Override
    public long fileBytesSent() {
        return fileBytesSent;
    }

    @Override
    public void shutdownOutput() throws IOException {
        channel.shutdownOutput();
    }

    @Override
    public void close() throws IOException {
        ReadDeadlines.SHARED.forget(this);
        channel.close();
    }
}
