package io.httpd.core.http1;

import io.httpd.api.Token;

/** Byte classes of the HTTP grammar, as lookup tables; tchar is the API's {@link Token}. */
final class Grammar {
    private static final boolean[] TARGET = new boolean[256];
    private static final boolean[] FIELD_VALUE = new boolean[256];

    static {
        // request-target: visible ASCII except '#' (a fragment is never sent, RFC 9112 §3.2)
        for (int c = 0x21; c < 0x7f; c++) TARGET[c] = c != '#';
        // field-value: VCHAR, obs-text, SP and HTAB inside (RFC 9110 §5.5)
        for (int c = 0x20; c < 0x100; c++) FIELD_VALUE[c] = c != 0x7f;
        FIELD_VALUE['\t'] = true;
    }

    private Grammar() {
    }

    /** {@code tchar} (RFC 9110 §5.6.2). */
    static boolean isTchar(byte b) {
        return Token.isTokenChar(b & 0xff);
    }

    /** A byte allowed in a request-target as sent on the wire. */
    static boolean isTargetChar(byte b) {
        return TARGET[b & 0xff];
    }

    /** A byte allowed inside a field value. */
    static boolean isFieldValueByte(byte b) {
        return FIELD_VALUE[b & 0xff];
    }
}
