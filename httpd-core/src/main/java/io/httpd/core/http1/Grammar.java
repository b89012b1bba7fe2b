package io.httpd.core.http1;

/** Byte classes of the HTTP grammar, as lookup tables. */
final class Grammar {
    private static final boolean[] TCHAR = new boolean[256];
    private static final boolean[] TARGET = new boolean[256];
    private static final boolean[] FIELD_VALUE = new boolean[256];

    static {
        for (int c = '0'; c <= '9'; c++) TCHAR[c] = true;
        for (int c = 'a'; c <= 'z'; c++) TCHAR[c] = true;
        for (int c = 'A'; c <= 'Z'; c++) TCHAR[c] = true;
        for (char c : "!#$%&'*+-.^_`|~".toCharArray()) TCHAR[c] = true;
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
        return TCHAR[b & 0xff];
    }

    /** A byte allowed in a request-target as sent on the wire. */
    static boolean isTargetChar(byte b) {
        return TARGET[b & 0xff];
    }

    /** A byte allowed inside a field value. */
    static boolean isFieldValueByte(byte b) {
        return FIELD_VALUE[b & 0xff];
    }

    /** Whether a string is a non-empty token. */
    static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 0xff || !TCHAR[c]) {
                return false;
            }
        }
        return true;
    }
}
