package io.httpd.plugin.tls;

import io.httpd.testkit.TestTable;
import io.httpd.api.TlsProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * reload() reads the files again into a new context for new handshakes; a replacement that
 * does not load keeps the old context serving, and the error names the file.
 */
class CertificateReloadTest {
    @TempDir
    Path dir;

    @Test
    void newFilesServeNewHandshakesAndBrokenOnesKeepTheOld() throws Exception {
        TestKeys.Issued first = write("first");
        TlsProvider provider = new PemProvider().create(TestTable.of("tls.main",
                Map.of("cert", "server.crt", "key", "server.key"), dir), null);
        try (TlsProbe probe = TlsProbe.start(provider)) {
            assertEquals(first.leaf(), connect(probe));
            var before = provider.context();

            TestKeys.Issued second = write("second");
            assertEquals(first.leaf(), connect(probe), "nothing changes before reload");
            provider.reload();
            assertNotSame(before, provider.context());
            assertEquals(second.leaf(), connect(probe));

            var good = provider.context();
            Files.writeString(dir.resolve("server.key"), TestKeys.pkcs8(first.key()));
            IOException e = assertThrows(IOException.class, provider::reload);
            assertTrue(e.getMessage().startsWith(dir.resolve("server.crt").toString()),
                    e.getMessage());
            assertTrue(e.getMessage().contains("does not match"), e.getMessage());
            assertSame(good, provider.context());
            assertEquals(second.leaf(), connect(probe));

            Files.writeString(dir.resolve("server.key"), "not a key");
            IOException unreadable = assertThrows(IOException.class, provider::reload);
            assertTrue(unreadable.getMessage().startsWith(dir.resolve("server.key").toString()),
                    unreadable.getMessage());
            assertEquals(second.leaf(), connect(probe));
        }
    }

    private TestKeys.Issued write(String name) throws Exception {
        return TestKeys.localhostPem(dir, name, "CN=" + name);
    }

    private static java.security.cert.X509Certificate connect(TlsProbe probe) throws Exception {
        return TlsProbe.Client.of("localhost").connect(probe.port()).leaf();
    }
}
