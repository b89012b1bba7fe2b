package io.httpd.plugin.accesslog;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * The bytes of one log line as a format builds it, reused from record to record by the one
 * thread that writes a sink. Grows as needed; never throws.
 */
final class LineBuffer extends OutputStream {
    private byte[] bytes;
    private int length;

    LineBuffer(int initialCapacity) {
        this.bytes = new byte[initialCapacity];
    }

    /** Empties the line, keeping its storage. */
    void reset() {
        length = 0;
    }

    @Override
    public void write(int b) {
        room(1);
        bytes[length++] = (byte) b;
    }

    @Override
    public void write(byte[] source, int offset, int count) {
        room(count);
        System.arraycopy(source, offset, bytes, length, count);
        length += count;
    }

    /**
     * Appends text whose characters are all below U+0100, one byte each (ISO-8859-1). Callers
     * pass only text they made themselves (numbers, dates, addresses, fixed words).
     */
    void latin1(CharSequence text) {
        int count = text.length();
        room(count);
        for (int i = 0; i < count; i++) {
            bytes[length++] = (byte) text.charAt(i);
        }
    }

    /** The storage; the line is its first {@link #length()} bytes. */
    byte[] array() {
        return bytes;
    }

    int length() {
        return length;
    }

    private void room(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
