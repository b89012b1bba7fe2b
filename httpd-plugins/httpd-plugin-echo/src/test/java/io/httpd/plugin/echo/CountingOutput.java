package io.httpd.plugin.echo;

import java.io.OutputStream;
import java.util.zip.CRC32;

/** Response output that keeps only a count, a CRC-32 and the largest write of what it got. */
final class CountingOutput extends OutputStream {
    private final CRC32 crc = new CRC32();
    private long count;
    private int largestWrite;
    private boolean closed;

    @Override
    public void write(int b) {
        crc.update(b);
        count++;
        largestWrite = Math.max(largestWrite, 1);
    }

    @Override
    public void write(byte[] buffer, int offset, int length) {
        crc.update(buffer, offset, length);
        count += length;
        largestWrite = Math.max(largestWrite, length);
    }

    @Override
    public void close() {
        closed = true;
    }

    long count() {
        return count;
    }

    long checksum() {
        return crc.getValue();
    }

    int largestWrite() {
        return largestWrite;
    }

    boolean closed() {
        return closed;
    }
}
