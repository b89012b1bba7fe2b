package io.httpd.core.http1;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * The methods, versions and field names that nearly every request head carries, as String
 * constants, so that the parser allocates no String for them and a lookup by the same literal
 * (string literals are interned: {@code headers.first("Host")}) matches by identity before any
 * case-insensitive comparison. Matched byte for byte, as sent: a name in another case becomes
 * a String of its own, as every unknown one does.
 */
final class KnownTokens {
    private static final String[] METHODS_AND_VERSIONS = {
        "GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "HTTP/1.1", "HTTP/1.0",
    };
    private static final String[] FIELD_NAMES = {
        "Host", "User-Agent", "Accept", "Accept-Encoding", "Accept-Language", "Accept-Charset",
        "Connection", "Content-Length", "Content-Type", "Transfer-Encoding", "Expect", "Referer",
        "Cookie", "Authorization", "Cache-Control", "Pragma", "Origin", "Range", "If-Range",
        "If-Modified-Since", "If-None-Match", "If-Match", "If-Unmodified-Since", "Upgrade",
        "Upgrade-Insecure-Requests", "Forwarded", "X-Forwarded-For", "X-Forwarded-Proto",
        "X-Forwarded-Host", "X-Real-IP", "X-Request-Id", "Keep-Alive", "TE", "Via", "DNT",
        "Sec-Fetch-Dest", "Sec-Fetch-Mode", "Sec-Fetch-Site", "Sec-Fetch-User", "Priority",
    };
    private static final int LONGEST = 32;
    /** By length, in the order above; each field name with its lower-case spelling too. */
    private static final String[][] BY_LENGTH = byLength();

    private KnownTokens() {
    }

    /** The bytes from {@code from} to {@code to} as Latin-1: a constant when it is known. */
    static String of(byte[] buf, int from, int to) {
        int length = to - from;
        if (length > 0 && length <= LONGEST) {
            for (String s : BY_LENGTH[length]) {
                if (matches(s, buf, from)) {
                    return s;
                }
            }
        }
        return new String(buf, from, length, StandardCharsets.ISO_8859_1);
    }

    /**
     * Whether the Latin-1 bytes at {@code from} spell {@code s} (which the buffer holds in full).
     * Compared from the end: "Accept-..." differ there, and so do most repeated values.
     */
    static boolean matches(String s, byte[] buf, int from) {
        for (int i = s.length() - 1; i >= 0; i--) {
            if (s.charAt(i) != (buf[from + i] & 0xff)) {
                return false;
            }
        }
        return true;
    }

    private static String[][] byLength() {
        String[][] table = new String[LONGEST + 1][0];
        for (String s : METHODS_AND_VERSIONS) {
            add(table, s);
        }
        for (String s : FIELD_NAMES) {
            add(table, s);
            add(table, s.toLowerCase(Locale.ROOT).intern());
        }
        return table;
    }

    private static void add(String[][] table, String s) {
        String[] row = table[s.length()];
        String[] longer = Arrays.copyOf(row, row.length + 1);
        longer[row.length] = s;
        table[s.length()] = longer;
    }
}
