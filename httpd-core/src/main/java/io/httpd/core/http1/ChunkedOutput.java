package io.httpd.core.http1;

import java.io.IOException;

/**
 * Frames streamed content with the chunked transfer coding (RFC 9112 §7.1). {@link #finish()}
 * writes the last chunk.
 */
final class ChunkedOutput extends StreamedOutput {
    private static final byte[] LAST_CHUNK = {'0', '\r', '\n', '\r', '\n'};

    ChunkedOutput(WireWriter out) {
        super(out);
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

    @Override
    void finish() throws IOException {
        out.write(LAST_CHUNK, 0, LAST_CHUNK.length);
    }
}
