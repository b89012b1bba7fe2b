package io.httpd.plugin.tls;

import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Keys and certificates made at test time by the JDK's keytool (and OpenSSL where a test wants
 * files it wrote), written as PEM in every form the pem provider reads. No private key is ever
 * committed.
 */
final class TestKeys {
    static final String PASSWORD = "test-pass";

    private TestKeys() {
    }

    /** A key and its certificate chain, leaf first, in a PKCS12 file. */
    record Issued(PrivateKey key, List<X509Certificate> chain, Path p12, String alias) {
        X509Certificate leaf() {
            return chain.getFirst();
        }
    }

    /**
     * A self-signed certificate.
     *
     * @param keyalg such as {@code EC}, {@code RSA}, {@code Ed25519}
     * @param extra  more keytool options, such as {@code -groupname secp384r1}
     */
    static Issued selfSigned(Path dir, String alias, String keyalg, String subject, String san,
                             String... extra) throws IOException, GeneralSecurityException {
        Path p12 = dir.resolve(alias + ".p12");
        List<String> args = new ArrayList<>(List.of("-genkeypair", "-keystore", p12.toString(),
                "-storetype", "PKCS12", "-storepass", PASSWORD, "-alias", alias, "-keyalg", keyalg,
                "-dname", subject));
        if (!List.of(extra).contains("-validity")) {
            args.addAll(List.of("-validity", "30"));
        }
        if (san != null) {
            args.addAll(List.of("-ext", "SAN=" + san));
        }
        args.addAll(List.of(extra));
        keytool(args.toArray(String[]::new));
        return load(p12, alias);
    }

    /** A certificate issued by {@code ca} (added to the CA's own store as another entry). */
    static Issued issuedBy(Issued ca, String alias, String subject) throws Exception {
        Path dir = ca.p12().getParent();
        Path store = dir.resolve(alias + ".p12");
        keytool("-genkeypair", "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass",
                PASSWORD, "-alias", alias, "-keyalg", "EC", "-dname", subject, "-validity", "30");
        Path request = dir.resolve(alias + ".csr");
        Path issued = dir.resolve(alias + ".crt");
        keytool("-certreq", "-keystore", store.toString(), "-storepass", PASSWORD, "-alias", alias,
                "-file", request.toString());
        keytool("-gencert", "-keystore", ca.p12().toString(), "-storepass", PASSWORD, "-alias",
                ca.alias(), "-infile", request.toString(), "-outfile", issued.toString(), "-rfc",
                "-validity", "30");
        keytool("-importcert", "-keystore", store.toString(), "-storepass", PASSWORD, "-alias",
                ca.alias(), "-file", pemFile(dir.resolve(ca.alias() + "-ca.pem"), ca.leaf())
                        .toString(), "-noprompt");
        keytool("-importcert", "-keystore", store.toString(), "-storepass", PASSWORD, "-alias",
                alias, "-file", issued.toString(), "-noprompt");
        return load(store, alias);
    }

    static Issued load(Path p12, String alias) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance(p12.toFile(), PASSWORD.toCharArray());
        List<X509Certificate> chain = new ArrayList<>();
        for (Certificate c : ks.getCertificateChain(alias)) {
            chain.add((X509Certificate) c);
        }
        return new Issued((PrivateKey) ks.getKey(alias, PASSWORD.toCharArray()), chain, p12,
                alias);
    }

    static void keytool(String... args) throws IOException {
        run(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), args);
    }

    /** Runs a tool, failing with its output when it fails. */
    static String run(String tool, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(tool));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(tool + " failed: " + command + "\n" + out);
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** Whether a command is on the PATH. */
    static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    static Path pemFile(Path file, X509Certificate... chain) throws IOException {
        StringBuilder text = new StringBuilder();
        for (X509Certificate c : chain) {
            try {
                text.append(pem("CERTIFICATE", c.getEncoded()));
            } catch (GeneralSecurityException e) {
                throw new IOException(e);
            }
        }
        return Files.writeString(file, text);
    }

    static Path chainFile(Path file, Issued issued) throws IOException {
        return pemFile(file, issued.chain().toArray(X509Certificate[]::new));
    }

    /**
     * A self-signed EC certificate for localhost as {@code server.crt} and its key as
     * {@code server.key} (PKCS#8) in the folder.
     */
    static Issued localhostPem(Path dir) throws Exception {
        return localhostPem(dir, "server", "CN=localhost");
    }

    /** The same with this alias and subject: a new pair written over the old one. */
    static Issued localhostPem(Path dir, String alias, String subject) throws Exception {
        Issued server = selfSigned(dir, alias, "EC", subject, "dns:localhost");
        chainFile(dir.resolve("server.crt"), server);
        Files.writeString(dir.resolve("server.key"), pkcs8(server.key()));
        return server;
    }

    /** PKCS#8 {@code PRIVATE KEY}. */
    static String pkcs8(PrivateKey key) {
        return pem("PRIVATE KEY", key.getEncoded());
    }

    /** PKCS#1 {@code RSA PRIVATE KEY}: the private key that PKCS#8 wraps. */
    static String pkcs1(PrivateKey rsa) throws IOException {
        return pem("RSA PRIVATE KEY", innerKey(rsa.getEncoded()));
    }

    /** SEC 1 {@code EC PRIVATE KEY} naming its curve, as {@code openssl ec} writes it. */
    static String sec1(PrivateKey ec, String curveOid) throws IOException {
        Der inner = Der.sequence(innerKey(ec.getEncoded()));
        inner.integer();
        byte[] secret = inner.read(Der.OCTET_STRING);
        byte[] oid = tlv(Der.OID, oidBytes(curveOid));
        return pem("EC PRIVATE KEY", tlv(Der.SEQUENCE, concat(tlv(Der.INTEGER, new byte[] {1}),
                tlv(Der.OCTET_STRING, secret), tlv(0xa0, oid))));
    }

    /** Encrypted PKCS#8 with PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC). */
    static String encryptedPkcs8(PrivateKey key, String password) throws Exception {
        String scheme = "PBEWithHmacSHA256AndAES_256";
        Cipher cipher = Cipher.getInstance(scheme);
        cipher.init(Cipher.ENCRYPT_MODE, SecretKeyFactory.getInstance(scheme)
                .generateSecret(new PBEKeySpec(password.toCharArray())), new SecureRandom());
        // the scheme's parameters, under the name PKCS#8 files carry (RFC 8018 §A.4)
        AlgorithmParameters pbes2 = AlgorithmParameters.getInstance("PBES2");
        pbes2.init(cipher.getParameters().getEncoded());
        EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(pbes2,
                cipher.doFinal(key.getEncoded()));
        return pem("ENCRYPTED PRIVATE KEY", info.getEncoded());
    }

    private static byte[] innerKey(byte[] pkcs8) throws IOException {
        Der info = Der.sequence(pkcs8);
        info.integer();
        info.sequence();
        return info.read(Der.OCTET_STRING);
    }

    private static byte[] oidBytes(String dotted) {
        String[] parts = dotted.split("\\.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        base128(out, Long.parseLong(parts[0]) * 40 + Long.parseLong(parts[1]));
        for (int i = 2; i < parts.length; i++) {
            base128(out, Long.parseLong(parts[i]));
        }
        return out.toByteArray();
    }

    private static void base128(ByteArrayOutputStream out, long value) {
        int groups = Math.max(1, (64 - Long.numberOfLeadingZeros(value) + 6) / 7);
        for (int i = groups - 1; i >= 0; i--) {
            out.write((int) ((value >> (7 * i)) & 0x7f) | (i > 0 ? 0x80 : 0));
        }
    }

    private static byte[] tlv(int tag, byte[] contents) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        if (contents.length < 0x80) {
            out.write(contents.length);
        } else {
            out.write(0x82);
            out.write(contents.length >> 8);
            out.write(contents.length & 0xff);
        }
        out.writeBytes(contents);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
