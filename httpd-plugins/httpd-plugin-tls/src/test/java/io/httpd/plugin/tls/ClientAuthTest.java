package io.httpd.plugin.tls;

import io.httpd.testkit.TestTable;
import io.httpd.api.TlsProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * client_auth: {@code none} never asks, {@code want} asks and serves without, {@code need}
 * refuses a client without a certificate from client_ca (RFC 8446 §4.3.2, §4.4.2.4).
 */
class ClientAuthTest {
    @TempDir
    static Path dir;
    static KeyStore trusted;
    static KeyStore stranger;

    @BeforeAll
    static void keys() throws Exception {
        TestKeys.localhostPem(dir);
        TestKeys.Issued ca = TestKeys.selfSigned(dir, "ca", "EC", "CN=test-ca", null,
                "-ext", "bc:c");
        TestKeys.pemFile(dir.resolve("ca.pem"), ca.leaf());
        trusted = store(TestKeys.issuedBy(ca, "client", "CN=client").p12());
        stranger = store(TestKeys.selfSigned(dir, "stranger", "EC", "CN=stranger", null).p12());
    }

    private static KeyStore store(Path p12) throws Exception {
        return KeyStore.getInstance(p12.toFile(), TestKeys.PASSWORD.toCharArray());
    }

    private static TlsProvider provider(String mode) throws Exception {
        return new PemProvider().create(TestTable.of("tls.main", Map.of("cert", "server.crt",
                "key", "server.key", "client_auth", mode, "client_ca", "ca.pem"), dir), null);
    }

    @ParameterizedTest(name = "{0}, client certificate: {1} -> {2}")
    @CsvSource(textBlock = """
            none, none,     -
            none, trusted,  -
            want, none,     -
            want, trusted,  CN=client
            need, trusted,  CN=client
            need, none,     refused
            need, stranger, refused
            """)
    void clientCertificates(String mode, String identity, String expected) throws Exception {
        KeyStore store = switch (identity) {
            case "trusted" -> trusted;
            case "stranger" -> stranger;
            default -> null;
        };
        for (String protocol : new String[] {"TLSv1.3", "TLSv1.2"}) {
            try (TlsProbe probe = TlsProbe.start(provider(mode))) {
                TlsProbe.Client client = TlsProbe.Client.of("localhost").protocols(protocol)
                        .identity(store);
                if (expected.equals("refused")) {
                    assertThrows(IOException.class, () -> client.connect(probe.port()), protocol);
                } else {
                    assertEquals(expected, client.connect(probe.port()).line(), protocol);
                }
            }
        }
    }
}
