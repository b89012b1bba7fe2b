package io.httpd.plugin.echo;

import java.io.OutputStream;

/** Response output that keeps only a {@link Tally} of what it got, and whether it was closed. */
final class CountingOutput extends OutputStream {
    private final Tally tally = new Tally();
    private boolean closed;

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] buffer, int offset, int length) {
        tally.asked(length);
        tally.add(buffer, offset, length);
    }

    @Override
    public void close() {
        closed = true;
    }

    Tally tally() {
        return tally;
    }

    boolean closed() {
        return closed;
    }
}
