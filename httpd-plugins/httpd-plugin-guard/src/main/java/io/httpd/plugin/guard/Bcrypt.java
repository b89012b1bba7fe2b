package io.httpd.plugin.guard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * bcrypt (Provos and Mazières, 1999) as OpenBSD, Apache's {@code htpasswd -B} and most
 * libraries write it: {@code $2y$COST$} then 22 characters of salt and 31 of hash in bcrypt's
 * own base64 ({@code ./A-Za-z0-9}). {@code $2a$}, {@code $2b$} and {@code $2y$} hash the same
 * way here: the password's UTF-8 bytes and a NUL, the first 72 bytes of it.
 */
final class Bcrypt {
    private static final String ALPHABET =
            "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final byte[] MAGIC =
            "OrpheanBeholderScryDoubt".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern FORM =
            Pattern.compile("\\$2[aby]\\$(0[4-9]|[12][0-9]|3[01])\\$[./A-Za-z0-9]{53}");

    private final int[] p = new int[18];
    private final int[] s = new int[1024];

    private Bcrypt() {
        System.arraycopy(PiWords.WORDS, 0, p, 0, 18);
        System.arraycopy(PiWords.WORDS, 18, s, 0, 1024);
    }

    /** Whether the text has the form of a bcrypt hash this class can check. */
    static boolean isHash(String hash) {
        return hash.length() == 60 && FORM.matcher(hash).matches();
    }

    /** Whether the password matches the hash, compared in constant time. */
    static boolean verify(String password, String hash) {
        if (!isHash(hash)) {
            throw new IllegalArgumentException("not a bcrypt hash");
        }
        int cost = Integer.parseInt(hash.substring(4, 6));
        byte[] salt = decode(hash.substring(7, 29), 16);
        byte[] expected = decode(hash.substring(29), 23);
        return MessageDigest.isEqual(expected, hash(password, salt, cost));
    }

    /** The 23 bytes of a bcrypt hash. */
    static byte[] hash(String password, byte[] salt, int cost) {
        byte[] key = Arrays.copyOf(password.getBytes(StandardCharsets.UTF_8),
                password.getBytes(StandardCharsets.UTF_8).length + 1); // NUL-terminated
        Bcrypt state = new Bcrypt();
        state.expand(salt, key);
        for (long round = 1L << cost; round > 0; round--) {
            state.expand(null, key);
            state.expand(null, salt);
        }
        int[] text = new int[6];
        int[] cursor = {0};
        for (int i = 0; i < 6; i++) {
            text[i] = word(MAGIC, cursor);
        }
        for (int i = 0; i < 64; i++) {
            for (int j = 0; j < 6; j += 2) {
                state.encipher(text, j);
            }
        }
        byte[] out = new byte[24];
        for (int i = 0; i < 6; i++) {
            for (int b = 0; b < 4; b++) {
                out[4 * i + b] = (byte) (text[i] >>> (24 - 8 * b));
            }
        }
        return Arrays.copyOf(out, 23);
    }

    /** The (expensive) key schedule: XOR the key into P, then re-encrypt with the salt mixed in. */
    private void expand(byte[] salt, byte[] key) {
        int[] keyAt = {0};
        for (int i = 0; i < 18; i++) {
            p[i] ^= word(key, keyAt);
        }
        int[] block = {0, 0};
        int[] saltAt = {0};
        for (int i = 0; i < 18; i += 2) {
            mix(block, salt, saltAt);
            p[i] = block[0];
            p[i + 1] = block[1];
        }
        for (int i = 0; i < 1024; i += 2) {
            mix(block, salt, saltAt);
            s[i] = block[0];
            s[i + 1] = block[1];
        }
    }

    private void mix(int[] block, byte[] salt, int[] saltAt) {
        if (salt != null) {
            block[0] ^= word(salt, saltAt);
            block[1] ^= word(salt, saltAt);
        }
        encipher(block, 0);
    }

    /** One Blowfish block encryption of {@code lr[off], lr[off + 1]}, 16 rounds. */
    private void encipher(int[] lr, int off) {
        int l = lr[off] ^ p[0];
        int r = lr[off + 1];
        for (int i = 1; i <= 16; i += 2) {
            r ^= f(l) ^ p[i];
            l ^= f(r) ^ p[i + 1];
        }
        lr[off] = r ^ p[17];
        lr[off + 1] = l;
    }

    private int f(int x) {
        return ((s[x >>> 24] + s[0x100 | (x >>> 16) & 0xff]) ^ s[0x200 | (x >>> 8) & 0xff])
                + s[0x300 | x & 0xff];
    }

    /** The next 4 bytes of a cyclic byte stream, big-endian. */
    private static int word(byte[] data, int[] at) {
        int w = 0;
        for (int i = 0; i < 4; i++) {
            w = w << 8 | data[at[0]] & 0xff;
            at[0] = (at[0] + 1) % data.length;
        }
        return w;
    }

    /** bcrypt's base64: the standard bit order over {@code ./A-Za-z0-9}, no padding. */
    static byte[] decode(String text, int length) {
        byte[] out = new byte[length];
        int bits = 0;
        int buffer = 0;
        int n = 0;
        for (int i = 0; i < text.length() && n < length; i++) {
            buffer = buffer << 6 | ALPHABET.indexOf(text.charAt(i));
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                out[n++] = (byte) (buffer >>> bits);
            }
        }
        return out;
    }

    /** Encodes bytes in bcrypt's base64 (for tests and for writing hashes). */
    static String encode(byte[] data) {
        StringBuilder out = new StringBuilder();
        int bits = 0;
        int buffer = 0;
        for (byte b : data) {
            buffer = buffer << 8 | b & 0xff;
            bits += 8;
            while (bits >= 6) {
                bits -= 6;
                out.append(ALPHABET.charAt(buffer >>> bits & 0x3f));
            }
        }
        if (bits > 0) {
            out.append(ALPHABET.charAt(buffer << (6 - bits) & 0x3f));
        }
        return out.toString();
    }
}
