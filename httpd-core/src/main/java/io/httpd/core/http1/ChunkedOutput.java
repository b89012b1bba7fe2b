package io.httpd.core.http1;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Frames streamed content with the chunked transfer coding (RFC 9112 §7.1). {@link #finish()}
 * writes the last chunk; {@link #close()} is a no-op, so a handler closing the stream does not
 * close the connection.
 */
final class ChunkedOutput extends OutputStream {
    private static final byte[] LAST_CHUNK = {'0', '\r', '\n', '\r', '\n'};

    private final WireWriter out;
    private long written;

    ChunkedOutput(WireWriter out) {
        this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return; // a zero-size chunk would end the body
        }
        out.writeLatin1(Integer.toHexString(len));
        out.writeCrlf();
        out.writeContent(b, off, len);
        out.writeCrlf();
        written += len;
    }

    void finish() throws IOException {
        out.write(LAST_CHUNK, 0, LAST_CHUNK.length);
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
