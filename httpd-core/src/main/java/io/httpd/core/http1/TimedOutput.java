package io.httpd.core.http1;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A connection's output in slices of at most {@link #SLICE} bytes, each timed: while a write
 * waits for the peer, {@link #since()} says since when, so that {@code server.SendTimeout} can close a
 * connection whose peer accepts nothing (send_timeout counts per slice).
 */
final class TimedOutput extends OutputStream {
    /** The most handed to the socket at once. */
    static final int SLICE = 64 * 1024;

    private final OutputStream out;
    private volatile long since; // System.nanoTime() when the write in progress began; 0: none

    TimedOutput(OutputStream out) {
        this.out = out;
    }

    /** Since when the write in progress has waited, as {@link System#nanoTime()}; 0: none. */
    long since() {
        return since;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            int slice = Math.min(len, SLICE);
            since = System.nanoTime();
            try {
                out.write(b, off, slice);
            } finally {
                since = 0;
            }
            off += slice;
            len -= slice;
        }
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }
}
