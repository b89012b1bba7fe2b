package io.httpd.core.http1;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The buffered byte output of one connection, reused for every response on it, so that a head
 * and a small body leave in one write. Large writes go straight through.
 */
final class WireWriter extends OutputStream {
    private final OutputStream out;
    private final byte[] buf;
    private int count;

    WireWriter(OutputStream out, int bufferSize) {
        this.out = out;
        this.buf = new byte[bufferSize];
    }

    @Override
    public void write(int b) throws IOException {
        if (count == buf.length) {
            flushBuffer();
        }
        buf[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (len > buf.length - count) {
            flushBuffer();
            if (len >= buf.length) {
                out.write(b, off, len);
                return;
            }
        }
        System.arraycopy(b, off, buf, count, len);
        count += len;
    }

    /** Writes a string of ASCII or Latin-1 characters, one byte each. */
    void writeLatin1(String s) throws IOException {
        int len = s.length();
        if (len > buf.length - count) {
            write(s.getBytes(StandardCharsets.ISO_8859_1));
            return;
        }
        s.getBytes(0, len, buf, count); // deprecated for its charset, exactly right for Latin-1
        count += len;
    }

    /** Writes a non-negative number in decimal. */
    void writeDecimal(long n) throws IOException {
        writeLatin1(Long.toString(n));
    }

    void writeCrlf() throws IOException {
        if (buf.length - count < 2) {
            flushBuffer();
        }
        buf[count++] = '\r';
        buf[count++] = '\n';
    }

    /** Hands the buffered bytes to the transport without flushing it. */
    void flushBuffer() throws IOException {
        if (count > 0) {
            out.write(buf, 0, count);
            count = 0;
        }
    }

    @Override
    public void flush() throws IOException {
        flushBuffer();
        out.flush();
    }
}
