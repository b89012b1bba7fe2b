package io.httpd.plugin.tls;

import io.httpd.testkit.TestTable;
import io.httpd.api.TlsProvider;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The pem provider serves every key form OpenSSL writes: each form below goes through a real
 * handshake on 127.0.0.1, and the client must see the certificate of the file.
 */
class PemKeyFormsTest {
    @TempDir
    Path dir;

    enum Form {
        RSA_PKCS8("RSA", List.of()),
        RSA_PKCS1("RSA", List.of()),
        RSA_ENCRYPTED_PKCS8("RSA", List.of()),
        EC_P256_PKCS8("EC", List.of("-groupname", "secp256r1")),
        EC_P256_SEC1("EC", List.of("-groupname", "secp256r1")),
        EC_P384_SEC1("EC", List.of("-groupname", "secp384r1")),
        EC_ENCRYPTED_PKCS8_PASSWORD_FILE("EC", List.of("-groupname", "secp256r1")),
        ED25519_PKCS8("Ed25519", List.of());

        final String keyalg;
        final List<String> extra;

        Form(String keyalg, List<String> extra) {
            this.keyalg = keyalg;
            this.extra = extra;
        }
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void keysWrittenByTheJdk(Form form) throws Exception {
        TestKeys.Issued issued = TestKeys.selfSigned(dir, "server", form.keyalg, "CN=localhost",
                "dns:localhost", form.extra.toArray(String[]::new));
        Map<String, Object> table = new HashMap<>(Map.of("cert", "server.crt",
                "key", "server.key"));
        String key = switch (form) {
            case RSA_PKCS1 -> TestKeys.pkcs1(issued.key());
            case EC_P256_SEC1 -> TestKeys.sec1(issued.key(), "1.2.840.10045.3.1.7");
            case EC_P384_SEC1 -> TestKeys.sec1(issued.key(), "1.3.132.0.34");
            case RSA_ENCRYPTED_PKCS8 -> {
                table.put("key_password", "s3cret pass");
                yield TestKeys.encryptedPkcs8(issued.key(), "s3cret pass");
            }
            case EC_ENCRYPTED_PKCS8_PASSWORD_FILE -> {
                Files.writeString(dir.resolve("pass.txt"), "from-a-file\n");
                table.put("key_password_file", "pass.txt");
                yield TestKeys.encryptedPkcs8(issued.key(), "from-a-file");
            }
            default -> TestKeys.pkcs8(issued.key());
        };
        Files.writeString(dir.resolve("server.key"), key);
        TestKeys.chainFile(dir.resolve("server.crt"), issued);
        assertServes(table, issued.leaf());
    }

    /** Files as OpenSSL 3 writes them (skipped where openssl is not installed). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            RSA PKCS#8        | genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out k.pem |
            RSA PKCS#1        | genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out k0.pem | pkey -in k0.pem -traditional -out k.pem
            EC SEC1 + params  | ecparam -name prime256v1 -genkey -out k.pem |
            EC P-384 PKCS#8   | genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-384 -out k.pem |
            Ed25519 PKCS#8    | genpkey -algorithm ed25519 -out k.pem |
            encrypted PKCS#8  | genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out k0.pem | pkcs8 -topk8 -in k0.pem -passout pass:pw123 -out k.pem
            """)
    void keysWrittenByOpenssl(String name, String generate, String convert) throws Exception {
        assumeTrue(TestKeys.onPath("openssl"), "openssl is not installed: skipping " + name);
        openssl(generate);
        if (convert != null) {
            openssl(convert);
        }
        openssl("req -x509 -key k.pem -passin pass:pw123 -subj /CN=localhost -days 30 "
                + "-addext subjectAltName=DNS:localhost -out c.pem");
        Map<String, Object> table = new HashMap<>(Map.of("cert", "c.pem", "key", "k.pem"));
        if (name.startsWith("encrypted")) {
            table.put("key_password", "pw123");
        }
        assertServes(table, PemFiles.certificates(dir.resolve("c.pem")).getFirst());
    }

    private void openssl(String args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args.strip().split(" +")));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
    }

    private void assertServes(Map<String, Object> table, java.security.cert.X509Certificate leaf)
            throws Exception {
        TlsProvider provider = new PemProvider().create(TestTable.of("tls.main", table, dir),
                null);
        try (TlsProbe probe = TlsProbe.start(provider)) {
            assertEquals(leaf, TlsProbe.Client.of("localhost").connect(probe.port()).leaf());
        }
    }
}
