package io.httpd.plugin.tls;

import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEM files (RFC 7468): a certificate chain, leaf first, and one private key in any of the
 * forms OpenSSL writes: PKCS#8 ({@code PRIVATE KEY}; RSA, RSASSA-PSS, EC, Ed25519, Ed448),
 * encrypted PKCS#8 ({@code ENCRYPTED PRIVATE KEY}, PBES2 or PBES1), PKCS#1
 * ({@code RSA PRIVATE KEY}) and SEC 1 ({@code EC PRIVATE KEY}). Every error names the file.
 */
final class PemFiles {
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);
    /** PKCS#8 algorithm OIDs (RFC 8017, RFC 5480, RFC 8410). */
    private static final Map<String, String> ALGORITHMS = Map.of(
            "1.2.840.113549.1.1.1", "RSA",
            "1.2.840.113549.1.1.10", "RSASSA-PSS",
            "1.2.840.10045.2.1", "EC",
            "1.3.101.112", "Ed25519",
            "1.3.101.113", "Ed448");

    private PemFiles() {
    }

    /** The certificates of a PEM file, in file order; at least one. */
    static List<X509Certificate> certificates(Path file) throws IOException {
        byte[] bytes = read(file);
        try {
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate c : CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(bytes))) {
                chain.add((X509Certificate) c);
            }
            if (chain.isEmpty()) {
                throw new IOException(file + ": no certificate in the file");
            }
            return chain;
        } catch (GeneralSecurityException e) {
            throw new IOException(file + ": not a PEM certificate file: " + e.getMessage(), e);
        }
    }

    /**
     * The private key of a PEM file.
     *
     * @param password for an {@code ENCRYPTED PRIVATE KEY}, else null
     */
    static PrivateKey privateKey(Path file, char[] password) throws IOException {
        String text = new String(read(file), StandardCharsets.ISO_8859_1);
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            String label = m.group(1);
            if (label.endsWith("PRIVATE KEY")) {
                try {
                    return decode(label, m.group(2), password);
                } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
                    throw new IOException(file + ": " + label + ": " + e.getMessage(), e);
                }
            }
        }
        throw new IOException(file + ": no PRIVATE KEY block in the file");
    }

    private static byte[] read(Path file) throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IOException(file + ": no such file", e);
        } catch (IOException e) {
            throw new IOException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static PrivateKey decode(String label, String body, char[] password)
            throws IOException, GeneralSecurityException {
        if (body.contains("Proc-Type:")) {
            throw new IOException("encrypted traditional keys are not supported; convert with "
                    + "'openssl pkcs8 -topk8' to an encrypted PKCS#8 key");
        }
        byte[] der = Base64.getMimeDecoder().decode(body.strip());
        return switch (label) {
            case "PRIVATE KEY" -> pkcs8(der);
            case "ENCRYPTED PRIVATE KEY" -> pkcs8(decrypt(der, password));
            case "RSA PRIVATE KEY" -> TraditionalKeys.rsa(der);
            case "EC PRIVATE KEY" -> TraditionalKeys.ec(der, null);
            default -> throw new IOException("unsupported key type");
        };
    }

    /** PrivateKeyInfo ::= SEQUENCE { version, AlgorithmIdentifier, privateKey OCTET STRING } */
    static PrivateKey pkcs8(byte[] der) throws IOException, GeneralSecurityException {
        Der info = Der.sequence(der);
        info.integer();
        String oid = info.sequence().oid();
        String algorithm = ALGORITHMS.get(oid);
        if (algorithm == null) {
            throw new IOException("unsupported key algorithm " + oid);
        }
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    private static byte[] decrypt(byte[] der, char[] password)
            throws IOException, GeneralSecurityException {
        if (password == null) {
            throw new IOException("the key is encrypted: set key_password (\"${ENV_NAME}\") "
                    + "or key_password_file");
        }
        EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(der);
        AlgorithmParameters params = info.getAlgParameters();
        // PBES2's parameters name the full scheme, such as PBEWithHmacSHA256AndAES_256
        String scheme = params != null ? params.toString() : info.getAlgName();
        try {
            Cipher cipher = Cipher.getInstance(scheme);
            cipher.init(Cipher.DECRYPT_MODE, SecretKeyFactory.getInstance(scheme)
                    .generateSecret(new PBEKeySpec(password)), params);
            return info.getKeySpec(cipher).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot decrypt the key (" + scheme
                    + "): wrong password or damaged file", e);
        }
    }
}
