package io.httpd.api;

/**
 * The character classes of HTTP field syntax (RFC 9110 §5.5, §5.6.2), in one place: the value
 * types of this package, the server's parser and its config, and plugins check names and values
 * with them. Every method is a pure function of its argument.
 */
public final class Token {
    private static final boolean[] TCHAR = new boolean[128];

    static {
        for (char c = '0'; c <= '9'; c++) TCHAR[c] = true;
        for (char c = 'a'; c <= 'z'; c++) TCHAR[c] = true;
        for (char c = 'A'; c <= 'Z'; c++) TCHAR[c] = true;
        for (char c : "!#$%&'*+-.^_`|~".toCharArray()) TCHAR[c] = true;
    }

    private Token() {
    }

    /**
     * Whether a character (or an unsigned byte) is a {@code tchar} of RFC 9110 §5.6.2.
     *
     * @param c the character
     * @return true for a tchar
     */
    public static boolean isTokenChar(int c) {
        return c >= 0 && c < 128 && TCHAR[c];
    }

    /** {@code DIGIT} of RFC 5234 §B.1. */
    static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /**
     * Whether a string is a {@code token = 1*tchar} (RFC 9110 §5.6.2): a field name, a method,
     * a media type's type or subtype, a parameter name.
     *
     * @param s the text
     * @return true for a non-empty token
     */
    public static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isTokenChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a string may stand as a field value (RFC 9110 §5.5): no CR, LF, NUL or other
     * control character but HTAB, and nothing beyond ISO-8859-1. This is what keeps a value
     * from splitting a response.
     *
     * @param s the text
     * @return true when it is safe on the wire
     */
    public static boolean isFieldValue(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f || c > 0xff) {
                return false;
            }
        }
        return true;
    }
}
