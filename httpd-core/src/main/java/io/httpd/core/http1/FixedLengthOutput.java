package io.httpd.core.http1;

import java.io.IOException;

/**
 * Passes streamed content of a declared length through, and fails when the writer writes more
 * or, at {@link #finish()}, less: either would break the framing of the next response.
 */
final class FixedLengthOutput extends StreamedOutput {
    private final long length;

    FixedLengthOutput(WireWriter out, long length) {
        super(out);
        this.length = length;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (written + len > length) {
            throw new IOException("streamed body longer than its declared length " + length);
        }
        out.writeContent(b, off, len);
        written += len;
    }

    @Override
    void finish() throws IOException {
        if (written != length) {
            throw new IOException("streamed body shorter than its declared length " + length);
        }
    }
}
