package io.httpd.plugin.echo;

import java.util.zip.CRC32;

/**
 * What went through a test stream, never held: how many bytes, their CRC-32, and the largest
 * chunk a single call asked for (a read's or a write's length).
 */
final class Tally {
    private final CRC32 crc = new CRC32();
    private long bytes;
    private int largestChunk;

    /** A call asked for this many bytes at once. */
    void asked(int length) {
        largestChunk = Math.max(largestChunk, length);
    }

    /** These bytes went through, in order. */
    void add(byte[] buffer, int offset, int length) {
        crc.update(buffer, offset, length);
        bytes += length;
    }

    long bytes() {
        return bytes;
    }

    long checksum() {
        return crc.getValue();
    }

    int largestChunk() {
        return largestChunk;
    }
}
