package io.httpd.plugin.tls;

import io.httpd.testkit.TestTable;
import io.httpd.api.TlsProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * SNI (RFC 6066 §3) picks the certificate: the exact name first, then a {@code *.} name covering
 * one label, else the default (the top-level one), also for clients that send no name. Names
 * come from the certificates' SANs unless {@code hosts} gives them; one table mixes key types.
 */
class SniTest {
    @TempDir
    static Path dir;
    static TlsProbe probe;

    @BeforeAll
    static void start() throws Exception {
        pem("default", "RSA", "CN=default", "dns:default.test");
        pem("exact", "EC", "CN=exact", "dns:a.example.test");
        pem("wild", "EC", "CN=wild", "dns:*.example.test");
        pem("listed", "Ed25519", "CN=listed", null);
        TlsProvider provider = new PemProvider().create(TestTable.of("tls.main", Map.of(
                "cert", "default.crt", "key", "default.key",
                "sni", Map.of(
                        "exact", Map.of("cert", "exact.crt", "key", "exact.key"),
                        "wild", Map.of("cert", "wild.crt", "key", "wild.key"),
                        "listed", Map.of("cert", "listed.crt", "key", "listed.key",
                                "hosts", List.of("Listed.Test", "*.listed.test")))), dir), null);
        probe = TlsProbe.start(provider);
    }

    private static void pem(String name, String keyalg, String subject, String san)
            throws Exception {
        TestKeys.Issued issued = TestKeys.selfSigned(dir, name, keyalg, subject, san);
        TestKeys.chainFile(dir.resolve(name + ".crt"), issued);
        Files.writeString(dir.resolve(name + ".key"), TestKeys.pkcs8(issued.key()));
    }

    @AfterAll
    static void stop() throws Exception {
        probe.close();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "none", textBlock = """
            a.example.test,        CN=exact
            A.EXAMPLE.TEST,        CN=exact
            b.example.test,        CN=wild
            x.a.example.test,      CN=default
            example.test,          CN=default
            default.test,          CN=default
            listed.test,           CN=listed
            www.listed.test,       CN=listed
            unknown.test,          CN=default
            none,                  CN=default
            """)
    void certificateByServerName(String sni, String subject) throws Exception {
        for (String protocol : List.of("TLSv1.3", "TLSv1.2")) {
            TlsProbe.Seen seen = TlsProbe.Client.of(sni).protocols(protocol).connect(probe.port());
            assertEquals(subject, seen.leaf().getSubjectX500Principal().getName(), protocol);
        }
    }
}
