package io.httpd.plugin.accesslog;

import java.nio.charset.StandardCharsets;

/**
 * Escapes a value for a Common or Combined Log Format line exactly as Apache httpd's
 * {@code ap_escape_logitem} (server/util.c) does, so that a value can never end a quoted field
 * or a line.
 *
 * <p>The value is taken as bytes: the server decodes request bytes one char per byte
 * (ISO-8859-1), so each char up to U+00FF is the byte that came off the wire; a char above
 * (only possible in a value made elsewhere) is taken as its UTF-8 bytes. Each byte is then:
 * <ul>
 *   <li>{@code "} and {@code \} → {@code \"} and {@code \\};</li>
 *   <li>BS, LF, CR, HT, VT (0x08, 0x0a, 0x0d, 0x09, 0x0b) → {@code \b \n \r \t \v};</li>
 *   <li>any other byte below 0x20 or at or above 0x7f → {@code \xhh}, two lower-case hex
 *       digits (Apache's {@code c2x} table is {@code "0123456789abcdef"});</li>
 *   <li>every other byte (0x20 to 0x7e) as it is.</li>
 * </ul>
 * That byte set is Apache's {@code T_ESCAPE_LOGITEM} (server/gen_test_char.c:
 * {@code !apr_isprint(c) || c == '"' || c == '\\' || apr_iscntrl(c)}, in the C locale).
 * One difference: Apache's values are C strings and end at a NUL byte; here NUL is written as
 * {@code \x00} and the rest of the value follows.
 */
final class LogItemEscape {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private LogItemEscape() {
    }

    /** Appends {@code value}, escaped. */
    static void append(String value, LineBuffer out) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= 0xff) {
                appendByte(c, out);
            } else {
                int codePoint = value.codePointAt(i);
                i += Character.charCount(codePoint) - 1;
                for (byte b : Character.toString(codePoint).getBytes(StandardCharsets.UTF_8)) {
                    appendByte(b & 0xff, out);
                }
            }
        }
    }

    private static void appendByte(int b, LineBuffer out) {
        char named = switch (b) {
            case '"', '\\' -> (char) b;
            case '\b' -> 'b';
            case '\n' -> 'n';
            case '\r' -> 'r';
            case '\t' -> 't';
            case 0x0b -> 'v';
            default -> 0;
        };
        if (named != 0) {
            out.write('\\');
            out.write(named);
        } else if (b < 0x20 || b >= 0x7f) {
            out.write('\\');
            out.write('x');
            out.write(HEX[b >> 4]);
            out.write(HEX[b & 0xf]);
        } else {
            out.write(b);
        }
    }
}
