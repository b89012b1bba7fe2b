package io.httpd.core.http1;

import java.io.IOException;
import java.io.OutputStream;

/**
 * What a streamed response body's writer writes to: the content framed for the wire, counted.
 * {@link #finish()} ends the body; {@link #close()} is a no-op, so a handler closing the stream
 * does not close the connection.
 */
abstract sealed class StreamedOutput extends OutputStream permits ChunkedOutput, FixedLengthOutput {
    final WireWriter out;
    long written;

    StreamedOutput(WireWriter out) {
        this.out = out;
    }

    /** Ends the body on the wire, or fails when it cannot end well. */
    abstract void finish() throws IOException;

    /** The bytes of content written. */
    final long written() {
        return written;
    }

    @Override
    public final void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public final void flush() throws IOException {
        out.flush();
    }

    @Override
    public final void close() {
    }
}
