package io.httpd.core.http1;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Passes streamed content of a declared length through, and fails when the writer writes more
 * or, at {@link #finish()}, less: either would break the framing of the next response.
 * {@link #close()} is a no-op.
 */
final class FixedLengthOutput extends OutputStream {
    private final WireWriter out;
    private final long length;
    private long written;

    FixedLengthOutput(WireWriter out, long length) {
        this.out = out;
        this.length = length;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (written + len > length) {
            throw new IOException("streamed body longer than its declared length " + length);
        }
        out.writeContent(b, off, len);
        written += len;
    }

    void finish() throws IOException {
        if (written != length) {
            throw new IOException("streamed body shorter than its declared length " + length);
        }
    }

    long written() {
        return written;
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() {
    }
}
