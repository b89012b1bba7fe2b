package io.httpd.plugin.echo;

import java.io.InputStream;
import java.util.zip.CRC32;

/**
 * Request content of any size made up as it is read, never held in memory: each byte is a
 * function of its position. Keeps the CRC-32 of what it produced and the largest read asked for.
 */
final class GeneratedContent extends InputStream {
    private final long size;
    private final CRC32 crc = new CRC32();
    private long position;
    private int largestRead;

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
        largestRead = Math.max(largestRead, length);
        if (position == size) {
            return -1;
        }
        int n = (int) Math.min(length, size - position);
        for (int i = 0; i < n; i++) {
            long p = position + i;
            buffer[offset + i] = (byte) ((p * 0x9E3779B97F4A7C15L) >>> 56);
        }
        crc.update(buffer, offset, n);
        position += n;
        return n;
    }

    long produced() {
        return position;
    }

    long checksum() {
        return crc.getValue();
    }

    int largestRead() {
        return largestRead;
    }
}
