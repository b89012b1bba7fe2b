package io.httpd.plugin.tls;

import io.httpd.testkit.TestTable;
import io.httpd.api.TlsProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The keystore provider: PKCS12 and JKS told apart by content, {@code alias} picks the
 * default, the other key entries serve their own names by SNI, the password inline or from a
 * file; errors name the file.
 */
class KeystoreProviderTest {
    @TempDir
    static Path dir;
    static Path p12;
    static Path jks;

    @BeforeAll
    static void stores() throws Exception {
        p12 = TestKeys.selfSigned(dir, "first", "EC", "CN=first", "dns:first.test").p12();
        TestKeys.keytool("-genkeypair", "-keystore", p12.toString(), "-storepass",
                TestKeys.PASSWORD, "-alias", "second", "-keyalg", "RSA", "-dname", "CN=second",
                "-ext", "SAN=dns:second.test", "-validity", "30");
        jks = dir.resolve("store.jks");
        TestKeys.keytool("-importkeystore", "-srckeystore", p12.toString(), "-srcstorepass",
                TestKeys.PASSWORD, "-destkeystore", jks.toString(), "-deststoretype", "JKS",
                "-deststorepass", TestKeys.PASSWORD);
        Files.writeString(dir.resolve("pass.txt"), TestKeys.PASSWORD + "\n");
    }

    private static TlsProvider provider(Map<String, Object> table) throws Exception {
        return new KeystoreProvider().create(TestTable.of("tls.ks", table, dir), null);
    }

    private static String subject(TlsProvider provider, String sni) throws Exception {
        try (TlsProbe probe = TlsProbe.start(provider)) {
            return TlsProbe.Client.of(sni).connect(probe.port()).leaf()
                    .getSubjectX500Principal().getName();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"first.p12", "store.jks"})
    void aliasIsTheDefaultAndOtherEntriesServeTheirNames(String file) throws Exception {
        TlsProvider provider = provider(Map.of("keystore", file, "password", TestKeys.PASSWORD,
                "alias", "second"));
        assertEquals("CN=second", subject(provider, "unknown.test"));
        assertEquals("CN=first", subject(provider, "first.test"));
        assertEquals("CN=second", subject(provider, "second.test"));
    }

    @Test
    void passwordFromAFile() throws Exception {
        TlsProvider provider = provider(Map.of("keystore", "first.p12", "password_file",
                "pass.txt", "alias", "first"));
        assertEquals("CN=first", subject(provider, null));
    }

    @Test
    void errorsNameTheFile() {
        Map<String, Object> table = new HashMap<>(Map.of("keystore", "first.p12",
                "password", "wrong"));
        IOException wrong = assertThrows(IOException.class, () -> provider(table));
        assertTrue(wrong.getMessage().startsWith(dir.resolve("first.p12").toString()),
                wrong.getMessage());
        table.put("password", TestKeys.PASSWORD);
        table.put("alias", "nope");
        IOException alias = assertThrows(IOException.class, () -> provider(table));
        assertTrue(alias.getMessage().contains("no key entry with alias \"nope\""),
                alias.getMessage());
    }
}
