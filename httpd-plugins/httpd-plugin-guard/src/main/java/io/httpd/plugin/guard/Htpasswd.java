package io.httpd.plugin.guard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The users of an htpasswd file: one {@code user:hash} a line, {@code #} comments and blank
 * lines skipped. Hashes taken: bcrypt ({@code $2y$}, {@code $2a$}, {@code $2b$}: what
 * {@code htpasswd -B} writes), PBKDF2-SHA256 in passlib's form
 * ({@code $pbkdf2-sha256$ROUNDS$SALT$HASH}) and {@code {SHA}} (SHA-1, {@code htpasswd -s}).
 * Refused when the file is read: {@code $apr1$} (htpasswd's old MD5 default), crypt(3) and
 * plain text. Every comparison of hashes is constant-time ({@link MessageDigest#isEqual}).
 */
final class Htpasswd {
    private static final Pattern SHA = Pattern.compile("\\{SHA}[A-Za-z0-9+/]{27}=");
    private static final String USE_B = "; write the file with htpasswd -B (bcrypt)";
    private final Map<String, String> users;
    private final String decoy; // checked for unknown users, so they take as long as known ones

    private Htpasswd(Map<String, String> users) {
        this.users = Map.copyOf(users);
        this.decoy = users.values().stream().filter(Bcrypt::isHash).findFirst()
                .orElse(users.values().iterator().next());
    }

    /**
     * Reads a file.
     *
     * @throws IOException when it cannot be read
     * @throws IllegalArgumentException naming the line, when a line is malformed or its hash
     *         is of a refused kind
     */
    static Htpasswd read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Map<String, String> users = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected user:hash");
            }
            String user = line.substring(0, colon);
            String problem = problem(line.substring(colon + 1));
            if (problem != null) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": user \"" + user
                        + "\": " + problem);
            }
            if (users.put(user, line.substring(colon + 1)) != null) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": user \"" + user
                        + "\" appears twice");
            }
        }
        if (users.isEmpty()) {
            throw new IllegalArgumentException(file + ": no users");
        }
        return new Htpasswd(users);
    }

    /** Why a hash is refused, or null when it is taken. */
    private static String problem(String hash) {
        if (Bcrypt.isHash(hash) || Pbkdf2.isHash(hash) || SHA.matcher(hash).matches()) {
            return null;
        }
        if (hash.startsWith("$apr1$")) {
            return "$apr1$ (MD5) hashes are refused" + USE_B;
        }
        if (hash.startsWith("$2")) {
            return "not a well-formed bcrypt hash" + USE_B;
        }
        return "not a bcrypt, PBKDF2-SHA256 or {SHA} hash (crypt and plain text are refused)"
                + USE_B;
    }

    /** Whether the user exists and the password is theirs. */
    boolean verify(String user, String password) {
        String hash = users.get(user);
        if (hash == null) {
            matches(decoy, password); // the same work as for a known user
            return false;
        }
        return matches(hash, password);
    }

    int size() {
        return users.size();
    }

    private static boolean matches(String hash, String password) {
        if (Bcrypt.isHash(hash)) {
            return Bcrypt.verify(password, hash);
        }
        if (Pbkdf2.isHash(hash)) {
            return Pbkdf2.verify(password, hash);
        }
        byte[] expected = Base64.getDecoder().decode(hash.substring("{SHA}".length()));
        return MessageDigest.isEqual(expected, sha1(password));
    }

    private static byte[] sha1(String password) {
        try {
            return MessageDigest.getInstance("SHA-1")
                    .digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e); // every JDK has SHA-1
        }
    }

    /** passlib's {@code $pbkdf2-sha256$ROUNDS$SALT$HASH}, base64 with {@code .} for {@code +}. */
    static final class Pbkdf2 {
        private static final Pattern FORM = Pattern.compile(
                "\\$pbkdf2-sha256\\$[1-9][0-9]{0,8}\\$[./A-Za-z0-9]{2,}\\$[./A-Za-z0-9]{43}");
        private Pbkdf2() {
        }

        static boolean isHash(String hash) {
            return FORM.matcher(hash).matches();
        }

        static boolean verify(String password, String hash) {
            String[] parts = hash.split("\\$");
            int rounds = Integer.parseInt(parts[2]);
            byte[] salt = ab64(parts[3]);
            byte[] expected = ab64(parts[4]);
            try {
                byte[] actual = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                        .generateSecret(new PBEKeySpec(password.toCharArray(), salt, rounds,
                                expected.length * 8)).getEncoded();
                return MessageDigest.isEqual(expected, actual);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e); // java.base has PBKDF2WithHmacSHA256
            }
        }

        private static byte[] ab64(String text) {
            return Base64.getDecoder().decode(text.replace('.', '+'));
        }
    }
}
