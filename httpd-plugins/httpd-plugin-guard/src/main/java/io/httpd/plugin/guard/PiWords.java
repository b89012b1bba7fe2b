package io.httpd.plugin.guard;

import java.math.BigInteger;

/**
 * Blowfish's initial P-array and S-boxes: by definition (Schneier, 1993) the first 1,042 32-bit
 * words of the fraction of pi in binary ({@code 0x243F6A88, 0x85A308D3, ...}). They are
 * computed here once, with Machin's formula {@code pi = 16 atan(1/5) - 4 atan(1/239)} in
 * fixed point (about 20 ms), instead of being copied into the source as 1,042 literals that a
 * reader could not check.
 */
final class PiWords {
    /** P-array (18 words) then the four S-boxes (256 words each). */
    static final int[] WORDS = compute(18 + 4 * 256);

    private PiWords() {
    }

    private static int[] compute(int count) {
        int bits = count * 32 + 64; // 64 guard bits absorb the truncation of each term
        BigInteger pi = arctanInverse(5, bits).shiftLeft(4)
                .subtract(arctanInverse(239, bits).shiftLeft(2));
        BigInteger fraction = pi.subtract(BigInteger.valueOf(3).shiftLeft(bits)).shiftRight(64);
        int[] words = new int[count];
        for (int i = 0; i < count; i++) {
            words[i] = fraction.shiftRight(32 * (count - 1 - i)).intValue();
        }
        return words;
    }

    /** atan(1/x) scaled by 2^bits: x^-1 - x^-3/3 + x^-5/5 - ... */
    private static BigInteger arctanInverse(int x, int bits) {
        BigInteger power = BigInteger.ONE.shiftLeft(bits).divide(BigInteger.valueOf(x));
        BigInteger squared = BigInteger.valueOf((long) x * x);
        BigInteger sum = power;
        for (int k = 1; power.signum() != 0; k++) {
            power = power.divide(squared);
            BigInteger term = power.divide(BigInteger.valueOf(2L * k + 1));
            sum = (k & 1) == 1 ? sum.subtract(term) : sum.add(term);
        }
        return sum;
    }
}
