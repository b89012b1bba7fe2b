package io.httpd.plugin.tls;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * A reader of the few DER forms that traditional private keys use (ITU-T X.690): SEQUENCE,
 * INTEGER, OCTET STRING, OBJECT IDENTIFIER and context-tagged values, definite lengths only.
 */
final class Der {
    static final int INTEGER = 0x02;
    static final int BIT_STRING = 0x03;
    static final int OCTET_STRING = 0x04;
    static final int OID = 0x06;
    static final int SEQUENCE = 0x30;

    private final byte[] bytes;
    private int pos;
    private final int end;

    private Der(byte[] bytes, int pos, int end) {
        this.bytes = bytes;
        this.pos = pos;
        this.end = end;
    }

    /** A reader over the contents of the outer SEQUENCE of these bytes. */
    static Der sequence(byte[] der) throws IOException {
        return new Der(der, 0, der.length).sequence();
    }

    /** A reader over a run of values, such as the contents of an explicit tag. */
    static Der of(byte[] values) {
        return new Der(values, 0, values.length);
    }

    boolean hasMore() {
        return pos < end;
    }

    /** The tag of the next value, without reading it. */
    int peekTag() throws IOException {
        need(1);
        return bytes[pos] & 0xff;
    }

    /** The next value's contents, which must carry this tag. */
    byte[] read(int tag) throws IOException {
        int actual = peekTag();
        if (actual != tag) {
            throw new IOException("DER: expected tag 0x" + Integer.toHexString(tag) + ", found 0x"
                    + Integer.toHexString(actual));
        }
        pos++;
        int length = length();
        need(length);
        byte[] contents = Arrays.copyOfRange(bytes, pos, pos + length);
        pos += length;
        return contents;
    }

    Der sequence() throws IOException {
        byte[] contents = read(SEQUENCE);
        return new Der(contents, 0, contents.length);
    }

    BigInteger integer() throws IOException {
        return new BigInteger(read(INTEGER));
    }

    /** An OBJECT IDENTIFIER in dotted form, such as {@code 1.2.840.10045.3.1.7}. */
    String oid() throws IOException {
        return oid(read(OID));
    }

    static String oid(byte[] der) throws IOException {
        if (der.length == 0) {
            throw new IOException("DER: empty object identifier");
        }
        StringBuilder out = new StringBuilder();
        long value = 0;
        for (int i = 0; i < der.length; i++) {
            value = (value << 7) | (der[i] & 0x7f);
            if ((der[i] & 0x80) == 0) {
                if (out.isEmpty()) {
                    long first = Math.min(value / 40, 2);
                    out.append(first).append('.').append(value - first * 40);
                } else {
                    out.append('.').append(value);
                }
                value = 0;
            }
        }
        return out.toString();
    }

    private int length() throws IOException {
        need(1);
        int first = bytes[pos++] & 0xff;
        if (first < 0x80) {
            return first;
        }
        int count = first & 0x7f;
        if (count == 0 || count > 3) {
            throw new IOException("DER: unsupported length form");
        }
        need(count);
        int length = 0;
        for (int i = 0; i < count; i++) {
            length = (length << 8) | (bytes[pos++] & 0xff);
        }
        return length;
    }

    private void need(int count) throws IOException {
        if (count > end - pos) {
            throw new IOException("DER: truncated");
        }
    }
}
