package io.httpd.plugin.guard;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** htpasswd files: the kinds of hash taken, the kinds refused at start-up, and why. */
class HtpasswdFileTest {
    @TempDir
    Path dir;

    @Test
    void bcryptAndShaLinesFromHtpasswdVerify() throws Exception {
        Path file = dir.resolve("users");
        Files.writeString(file, "# users\n\n"
                + HtpasswdBinary.line("alice", "wonder land", "-B", "-C", "4") + "\n"
                + HtpasswdBinary.line("bob", "bob's pass", "-s") + "\n");
        Htpasswd users = Htpasswd.read(file);
        assertEquals(2, users.size());
        assertTrue(users.verify("alice", "wonder land"));
        assertFalse(users.verify("alice", "wonder lane"));
        assertTrue(users.verify("bob", "bob's pass"));
        assertFalse(users.verify("bob", "bob's pasS"));
        assertFalse(users.verify("carol", "wonder land"), "unknown user");
        assertFalse(users.verify("Alice", "wonder land"), "user names are case-sensitive");
    }

    @Test
    void pbkdf2Sha256InPasslibFormVerifies() throws Exception {
        // passlib.hash.pbkdf2_sha256.using(rounds=1000, salt=b"saltsalt").hash("password")
        Path file = dir.resolve("users");
        Files.writeString(file, "carol:" + pbkdf2("password", "saltsalt".getBytes(), 1000) + "\n");
        Htpasswd users = Htpasswd.read(file);
        assertTrue(users.verify("carol", "password"));
        assertFalse(users.verify("carol", "Password"));
    }

    @Test
    void md5LinesAreRefusedNamingHtpasswdB() throws Exception {
        Path file = dir.resolve("users");
        Files.writeString(file, "ok:" + "$2y$04$OkbwZbmtwxWWpEKtRn5d7ODn/D9VXJxpQvTw7bvdeeNO/RAK9/UYC\n"
                + HtpasswdBinary.line("old", "secret", "-m") + "\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Htpasswd.read(file));
        assertEquals(file + ":2: user \"old\": $apr1$ (MD5) hashes are refused; write the file"
                + " with htpasswd -B (bcrypt)", e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "plain:secret          | 1: user \"plain\": not a bcrypt, PBKDF2-SHA256 or {SHA} hash (crypt and plain text are refused); write the file with htpasswd -B (bcrypt)",
        "crypt:rqXexS6ZhobKA   | 1: user \"crypt\": not a bcrypt, PBKDF2-SHA256 or {SHA} hash (crypt and plain text are refused); write the file with htpasswd -B (bcrypt)",
        "cut:$2y$05$abc        | 1: user \"cut\": not a well-formed bcrypt hash; write the file with htpasswd -B (bcrypt)",
        "no colon here         | 1: expected user:hash",
        ":$2y$04$OkbwZbmtwxWWpEKtRn5d7ODn/D9VXJxpQvTw7bvdeeNO/RAK9/UYC | 1: expected user:hash",
    })
    void badLinesAreRefusedWithTheirLine(String line, String message) throws Exception {
        Path file = dir.resolve("users");
        Files.writeString(file, line + "\n");
        assertEquals(file + ":" + message, assertThrows(IllegalArgumentException.class,
                () -> Htpasswd.read(file)).getMessage());
    }

    @Test
    void anEmptyFileIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("users"), "# nobody\n");
        assertEquals(file + ": no users", assertThrows(IllegalArgumentException.class,
                () -> Htpasswd.read(file)).getMessage());
    }

    static String pbkdf2(String password, byte[] salt, int rounds) throws Exception {
        byte[] hash = javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new javax.crypto.spec.PBEKeySpec(password.toCharArray(), salt,
                        rounds, 256)).getEncoded();
        java.util.Base64.Encoder b64 = java.util.Base64.getEncoder().withoutPadding();
        return "$pbkdf2-sha256$" + rounds + "$" + b64.encodeToString(salt).replace('+', '.')
                + "$" + b64.encodeToString(hash).replace('+', '.');
    }
}
