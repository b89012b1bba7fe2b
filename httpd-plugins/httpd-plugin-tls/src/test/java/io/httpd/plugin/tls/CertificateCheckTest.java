package io.httpd.plugin.tls;

import io.httpd.testkit.TestTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What stops start-up (and -t) with the file named: a key that does not match, a chain out of
 * order, an expired certificate, a missing or unreadable file, a wrong password.
 */
class CertificateCheckTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void files() throws Exception {
        TestKeys.Issued ca = TestKeys.selfSigned(dir, "ca", "EC", "CN=ca", null, "-ext", "bc:c");
        TestKeys.Issued leaf = TestKeys.issuedBy(ca, "leaf", "CN=leaf");
        TestKeys.Issued other = TestKeys.selfSigned(dir, "other", "EC", "CN=other", null);
        TestKeys.Issued expired = TestKeys.selfSigned(dir, "expired", "EC", "CN=expired", null,
                "-startdate", "-10d", "-validity", "5");
        X509Certificate[] chain = leaf.chain().toArray(X509Certificate[]::new);
        TestKeys.pemFile(dir.resolve("chain.crt"), chain);
        TestKeys.pemFile(dir.resolve("reversed.crt"), chain[1], chain[0]);
        TestKeys.pemFile(dir.resolve("misordered.crt"), chain[0], other.leaf(), chain[1]);
        Files.writeString(dir.resolve("leaf.key"), TestKeys.pkcs8(leaf.key()));
        Files.writeString(dir.resolve("other.key"), TestKeys.pkcs8(other.key()));
        Files.writeString(dir.resolve("encrypted.key"), TestKeys.encryptedPkcs8(leaf.key(), "pw"));
        TestKeys.chainFile(dir.resolve("expired.crt"), expired);
        Files.writeString(dir.resolve("expired.key"), TestKeys.pkcs8(expired.key()));
        Files.writeString(dir.resolve("garbage.crt"), "-----BEGIN CERTIFICATE-----\nAAAA\n"
                + "-----END CERTIFICATE-----\n");
        Files.createDirectory(dir.resolve("folder.key"));
    }

    @ParameterizedTest(name = "{0} + {1}")
    @CsvSource(nullValues = "none", textBlock = """
            chain.crt,    other.key,     none, chain.crt,    the private key does not match
            reversed.crt, leaf.key,      none, reversed.crt, the private key does not match
            misordered.crt, leaf.key,    none, misordered.crt, chain out of order: certificate 2 (CN=other) did not issue certificate 1 (CN=leaf)
            expired.crt,  expired.key,   none, expired.crt,  is not valid now
            missing.crt,  leaf.key,      none, missing.crt,  missing.crt
            garbage.crt,  leaf.key,      none, garbage.crt,  not a PEM certificate file
            chain.crt,    folder.key,    none, folder.key,   folder.key
            chain.crt,    encrypted.key, none, encrypted.key, the key is encrypted
            chain.crt,    encrypted.key, bad,  encrypted.key, wrong password
            """)
    void refusedNamingTheFile(String cert, String key, String password, String file,
                              String reason) {
        Map<String, Object> table = new HashMap<>(Map.of("cert", cert, "key", key));
        if (password != null) {
            table.put("key_password", password);
        }
        IOException e = assertThrows(IOException.class, () -> new PemProvider()
                .create(TestTable.of("tls.main", table, dir), null));
        assertTrue(e.getMessage().contains(dir.resolve(file).toString()), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @ParameterizedTest(name = "{0} + {1}")
    @CsvSource(textBlock = """
            chain.crt,  leaf.key
            """)
    void aChainInOrderLoads(String cert, String key) throws Exception {
        new PemProvider().create(TestTable.of("tls.main", Map.of("cert", cert, "key", key),
                dir), null).close();
    }
}
