package io.httpd.plugin.echo;

import java.io.InputStream;

/**
 * Request content of any size made up as it is read, never held in memory: each byte is a
 * function of its position. Keeps a {@link Tally} of what it produced.
 */
final class GeneratedContent extends InputStream {
    private final long size;
    private final Tally tally = new Tally();

    GeneratedContent(long size) {
        this.size = size;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        tally.asked(length);
        long position = tally.bytes();
        if (position == size) {
            return -1;
        }
        int n = (int) Math.min(length, size - position);
        for (int i = 0; i < n; i++) {
            long p = position + i;
            buffer[offset + i] = (byte) ((p * 0x9E3779B97F4A7C15L) >>> 56);
        }
        tally.add(buffer, offset, n);
        return n;
    }

    Tally tally() {
        return tally;
    }
}
