package io.httpd.plugin.accesslog;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every byte value against Apache's rule, stated independently of the code under test. */
class LogItemEscapeTest {
    @Test
    void everyByteIsEscapedAsApacheDoes() {
        for (int b = 0; b < 256; b++) {
            LineBuffer out = new LineBuffer(4);
            LogItemEscape.append(Character.toString(b), out);
            String escaped = new String(out.array(), 0, out.length(), StandardCharsets.US_ASCII);
            assertEquals(apache(b), escaped, "byte 0x" + Integer.toHexString(b));
        }
    }

    /**
     * server/gen_test_char.c: T_ESCAPE_LOGITEM for {@code !apr_isprint(c) || c == '"' ||
     * c == '\\' || apr_iscntrl(c)} (C locale: printable is 0x20 to 0x7e); server/util.c
     * ap_escape_logitem: named escapes for \b \n \r \t \v, \" and \\, else c2x: "\x" and two
     * digits from "0123456789abcdef".
     */
    private static String apache(int b) {
        boolean printable = b >= 0x20 && b <= 0x7e;
        if (printable && b != '"' && b != '\\') {
            return Character.toString(b);
        }
        return switch (b) {
            case 0x08 -> "\\b";
            case 0x0a -> "\\n";
            case 0x0d -> "\\r";
            case 0x09 -> "\\t";
            case 0x0b -> "\\v";
            case '"' -> "\\\"";
            case '\\' -> "\\\\";
            default -> String.format("\\x%02x", b);
        };
    }
}
