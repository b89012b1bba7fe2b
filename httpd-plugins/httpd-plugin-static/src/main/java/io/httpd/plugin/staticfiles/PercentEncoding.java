package io.httpd.plugin.staticfiles;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding of decoded paths for a Location field or an HTML link (RFC 3986 §2.1):
 * every byte of the UTF-8 form is encoded except the unreserved characters (§2.3), and, in a
 * path, {@code /}. Over-encoding is always safe; it also keeps {@code :} out of a relative
 * link, where it would read as a scheme (§4.2).
 */
final class PercentEncoding {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentEncoding() {
    }

    /** A decoded absolute path, with its slashes kept. */
    static String path(String decoded) {
        return encode(decoded, true);
    }

    /** One decoded path segment: a slash in it is encoded too. */
    static String segment(String decoded) {
        return encode(decoded, false);
    }

    private static String encode(String decoded, boolean keepSlash) {
        byte[] bytes = decoded.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length + 16);
        for (byte b : bytes) {
            int c = b & 0xff;
            if (isUnreserved(c) || (keepSlash && c == '/')) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }

    /** {@code ALPHA / DIGIT / "-" / "." / "_" / "~"}. */
    private static boolean isUnreserved(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
