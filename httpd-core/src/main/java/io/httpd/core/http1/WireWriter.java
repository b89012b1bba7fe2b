package io.httpd.core.http1;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;

/**
 * The buffered byte output of one connection, reused for every response on it, so that a head
 * and a small body leave in one write. Large writes go straight through.
 *
 * <p>It counts, over the connection's life, the bytes written to it ({@link #position()}), the
 * bytes the transport accepted ({@link #sent()}: a write to it returned), and the content
 * bytes among those written ({@link #contentWritten()}, through {@link #writeContent}), so
 * that the bytes of a response cut short can be told (see {@link ResponseWriter}).
 */
final class WireWriter extends OutputStream {
    private static final int SLICE = 64 * 1024; // as the send timeout's
    /** Write buffers of idle connections, for the next exchange on any connection. */
    static final BufferPool POOL = new BufferPool(64);
    private final OutputStream out;
    private final int bufferSize;
    private byte[] buf; // null while released: taken again from the pool by the next write
    private final TrafficCounters counters; // bytes sent
    private int count;
    private long position;       // bytes written to this writer
    private long sent;           // bytes the transport accepted
    private long contentWritten; // of position: content, not head nor framing
    private boolean failed;      // a write to the transport threw

    WireWriter(OutputStream out, int bufferSize, TrafficCounters counters) {
        this.out = out;
        this.counters = counters;
        this.bufferSize = bufferSize;
    }

    /** The buffer, taken from the pool if released. */
    private byte[] buffer() {
        if (buf == null) {
            buf = POOL.take(bufferSize);
        }
        return buf;
    }

    /**
     * Gives the buffer back to the pool when it holds no unsent bytes (after {@link #flush()}):
     * for a connection going idle. The next write takes one again.
     */
    void release() {
        if (buf != null && count == 0) {
            POOL.give(buf);
            buf = null;
        }
    }

    /** Whether it holds a buffer now. */
    boolean holdsBuffer() {
        return buf != null;
    }

    @Override
    public void write(int b) throws IOException {
        byte[] buf = buffer();
        if (count == buf.length) {
            flushBuffer();
        }
        buf[count++] = (byte) b;
        position++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        byte[] buf = buffer();
        if (len > buf.length - count) {
            flushBuffer();
            if (len >= buf.length) {
                position += len;
                transport(b, off, len);
                return;
            }
        }
        System.arraycopy(b, off, buf, count, len);
        count += len;
        position += len;
    }

    /** Writes response content (not head, not framing): counted in {@link #contentWritten()}. */
    void writeContent(byte[] b, int off, int len) throws IOException {
        contentWritten += len;
        write(b, off, len);
    }

    /**
     * Reads a file region into the buffer as response content, when it fits in the room left:
     * a small file then leaves with its head in one write, with no sendfile.
     *
     * @return false, having read nothing, when it does not fit
     * @throws IOException when the file holds fewer bytes than the region (those it holds are
     *                     buffered)
     */
    boolean readContent(FileChannel file, long offset, int length)
            throws IOException {
        byte[] buf = buffer();
        if (length > buf.length - count) {
            return false;
        }
        ByteBuffer room = ByteBuffer.wrap(buf, count, length);
        int start = count;
        try {
            while (room.hasRemaining()) {
                if (file.read(room, offset + room.position() - start) < 0) {
                    throw new IOException("file shrank while being sent");
                }
            }
        } finally { // what was read goes out, as much as sendfile would have sent
            int read = room.position() - start;
            count += read;
            position += read;
            contentWritten += read;
        }
        return true;
    }

    /** Bytes written to this writer since the connection opened. */
    long position() {
        return position;
    }

    /** Bytes the transport accepted since the connection opened. */
    long sent() {
        return sent;
    }

    /** Content bytes written to this writer since the connection opened. */
    long contentWritten() {
        return contentWritten;
    }

    /** Whether a write to the transport failed: the connection is broken. */
    boolean failed() {
        return failed;
    }

    /** Writes a string of ASCII or Latin-1 characters, one byte each. */
    void writeLatin1(String s) throws IOException {
        int len = s.length();
        byte[] buf = buffer();
        if (len > buf.length - count) {
            write(s.getBytes(StandardCharsets.ISO_8859_1));
            return;
        }
        s.getBytes(0, len, buf, count); // deprecated for its charset, exactly right for Latin-1
        count += len;
        position += len;
    }

    /** Writes a non-negative number in decimal, straight into the buffer. */
    void writeDecimal(long n) throws IOException {
        if (n < 0) {
            throw new IllegalArgumentException("negative: " + n);
        }
        int digits = 1;
        for (long rest = n / 10; rest > 0; rest /= 10) {
            digits++;
        }
        byte[] buf = buffer();
        if (buf.length - count < digits) {
            flushBuffer();
        }
        for (int i = count + digits - 1; i >= count; i--) {
            buf[i] = (byte) ('0' + n % 10);
            n /= 10;
        }
        count += digits;
        position += digits;
    }

    void writeCrlf() throws IOException {
        byte[] buf = buffer();
        if (buf.length - count < 2) {
            flushBuffer();
        }
        buf[count++] = '\r';
        buf[count++] = '\n';
        position += 2;
    }

    /** Hands the buffered bytes to the transport without flushing it. */
    void flushBuffer() throws IOException {
        if (count > 0) {
            int n = count;
            count = 0; // what a failed write held is gone either way
            transport(buf, 0, n);
        }
    }

    /** In slices, so that a write that fails midway counts what got out before it. */
    private void transport(byte[] b, int off, int len) throws IOException {
        try {
            for (int done = 0; done < len; ) {
                int n = Math.min(len - done, SLICE);
                out.write(b, off + done, n);
                sent += n;
                counters.sent(n);
                done += n;
            }
        } catch (IOException | RuntimeException e) {
            failed = true;
            throw e;
        }
    }

    /** Counts bytes the transport sent past this writer (sendfile) as sent. */
    void sentPast(long n) {
        counters.sent(n);
    }

    @Override
    public void flush() throws IOException {
        flushBuffer();
        try {
            out.flush();
        } catch (IOException e) {
            failed = true;
            throw e;
        }
    }
}
