package io.httpd.plugin.guard;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** bcrypt against hashes written by Apache's htpasswd and by OpenBSD's test vectors. */
class BcryptTest {
    @Test
    void piWordsAreBlowfishsTables() {
        int[] w = PiWords.WORDS;
        assertEquals(0x243F6A88, w[0], "P[0]");
        assertEquals(0x8979FB1B, w[17], "P[17]");
        assertEquals(0xD1310BA6, w[18], "S0[0]");
        assertEquals(0x3AC372E6, w[w.length - 1], "S3[255]");
    }

    @ParameterizedTest(name = "htpasswd -B -C {0}: \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "4  | secret",
        "5  | pässwörd",
        "4  | ''",
        "4  | seventy-one bytes: the last length where a 72nd byte still changes it..",
        "6  | :colon:in:it:",
    })
    void hashesFromHtpasswdVerify(int cost, String password) throws Exception {
        String line = HtpasswdBinary.line("user", password, "-B", "-C", Integer.toString(cost));
        String hash = line.substring("user:".length());
        assertTrue(hash.startsWith("$2y$0" + cost + "$"), hash);
        assertTrue(Bcrypt.verify(password, hash), hash);
        assertFalse(Bcrypt.verify(password + "x", hash), "one more character");
        assertFalse(Bcrypt.verify(password.isEmpty() ? "x" : password.substring(1), hash),
                "one fewer");
    }

    @Test
    void onlyTheFirst72BytesCount() throws Exception {
        String base = "x".repeat(72);
        String hash = HtpasswdBinary.line("u", base + "tail", "-B", "-C", "4").substring(2);
        assertTrue(Bcrypt.verify(base + "another tail", hash), "as Apache's bcrypt does");
    }

    /** From OpenBSD's and jBCrypt's test vectors. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''  | $2a$06$DCq7YPn5Rq63x1Lad4cll.TV4S6ytwfsfvkgY8jIucDrjc8deX1s.",
        "a   | $2a$06$m0CrhHm10qJ3lXRY.5zDGO3rS2KdeeWLuGmsfGlMfOxih58VYVfxe",
        "abc | $2a$06$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0i",
    })
    void publishedVectors(String password, String hash) {
        assertTrue(Bcrypt.verify(password, hash));
        assertTrue(Bcrypt.verify(password, "$2y$" + hash.substring(4)), "$2y$ is $2a$ here");
    }

    @ParameterizedTest
    @CsvSource({
        "$apr1$abc$def",
        "$2y$03$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW",
        "$2x$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW",
        "$2y$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOe",
        "plain",
    })
    void notHashes(String text) {
        assertFalse(Bcrypt.isHash(text));
    }
}
