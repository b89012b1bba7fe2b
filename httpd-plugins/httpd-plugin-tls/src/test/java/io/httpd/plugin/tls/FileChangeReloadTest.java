package io.httpd.plugin.tls;

import io.httpd.testkit.TestTable;
import io.httpd.api.TlsProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * Certificates replaced on disk are picked up without SIGHUP: the files are checked at most
 * once per watch_interval (a clock the test moves, no sleeps); new handshakes get the new
 * certificate, a connection kept alive keeps working on its own, and a replacement that does
 * not load keeps the old certificate serving with one warning.
 */
class FileChangeReloadTest {
    @TempDir
    Path dir;
    private Instant now = Instant.parse("2026-12-01T12:00:00Z");
    private final InstantSource clock = () -> now;
    private final LogRecords log = new LogRecords();

    @Test
    void pemFilesReplacedOnDiskServeNewHandshakes() throws Exception {
        TestKeys.Issued first = writePem("first");
        TlsProvider provider = PemProvider.create(TestTable.of("tls.main",
                Map.of("cert", "server.crt", "key", "server.key"), dir), clock, log);
        try (TlsProbe probe = TlsProbe.start(provider);
             TlsProbe.Open kept = new TlsProbe.Open(probe.port())) {
            assertEquals(first.leaf(), kept.leaf);

            TestKeys.Issued second = writePem("second");
            now = now.plusSeconds(59);
            assertEquals(first.leaf(), leaf(probe), "checked at most once a minute");
            now = now.plusSeconds(1);
            assertEquals(second.leaf(), leaf(probe), "a new handshake sees the new certificate");
            assertEquals("still here", kept.echo("still here"), "the open connection works");
            assertEquals(first.leaf(), kept.leaf);

            var good = provider.context();
            Files.writeString(dir.resolve("server.key"), "not a key");
            now = now.plus(Duration.ofMinutes(1));
            assertEquals(second.leaf(), leaf(probe), "a broken replacement keeps the old");
            now = now.plus(Duration.ofMinutes(1));
            assertEquals(second.leaf(), leaf(probe));
            assertSame(good, provider.context());
            assertEquals(1, log.count(FileCheck.EVENT_RELOAD_FAIL), "one warning: " + log);
            assertEquals(true, log.toString().contains("reason=\"" + dir.resolve("server.key")),
                    log.toString());
            assertEquals("and here", kept.echo("and here"));
        }
    }

    @Test
    void aKeystoreReplacedOnDiskServesNewHandshakes() throws Exception {
        TestKeys.Issued first = TestKeys.selfSigned(dir, "a", "EC", "CN=first", "dns:localhost");
        Files.copy(first.p12(), dir.resolve("server.p12"));
        TlsProvider provider = KeystoreProvider.create(TestTable.of("tls.main",
                Map.of("keystore", "server.p12", "password", TestKeys.PASSWORD,
                        "watch_interval", "10s"), dir), clock, log);
        try (TlsProbe probe = TlsProbe.start(provider)) {
            assertEquals(first.leaf(), leaf(probe));
            TestKeys.Issued second = TestKeys.selfSigned(dir, "b", "EC", "CN=second",
                    "dns:localhost");
            Files.copy(second.p12(), dir.resolve("server.p12"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            now = now.plusSeconds(10);
            assertEquals(second.leaf(), leaf(probe));
        }
    }

    @Test
    void aZeroIntervalNeverLooks() throws Exception {
        TestKeys.Issued first = writePem("first");
        TlsProvider provider = PemProvider.create(TestTable.of("tls.main",
                Map.of("cert", "server.crt", "key", "server.key", "watch_interval", "0s"), dir),
                clock, log);
        try (TlsProbe probe = TlsProbe.start(provider)) {
            writePem("second");
            now = now.plus(Duration.ofDays(1));
            assertEquals(first.leaf(), leaf(probe));
        }
    }

    private TestKeys.Issued writePem(String name) throws Exception {
        return TestKeys.localhostPem(dir, name, "CN=" + name);
    }

    private static X509Certificate leaf(TlsProbe probe) throws Exception {
        return TlsProbe.Client.of("localhost").connect(probe.port()).leaf();
    }
}
