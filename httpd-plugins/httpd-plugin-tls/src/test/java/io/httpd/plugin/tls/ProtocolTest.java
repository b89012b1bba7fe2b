package io.httpd.plugin.tls;

import io.httpd.testkit.TestTable;
import io.httpd.api.ConfigException;
import io.httpd.api.TlsProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.net.ssl.SSLHandshakeException;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Versions, cipher suites and ALPN: TLS 1.3 and 1.2 by default, TLS 1.1 refused with a
 * protocol_version alert (RFC 8446 §6.2), ALPN picks http/1.1 and refuses a client that offers
 * only h2 (no_application_protocol, RFC 7301 §3.2) rather than hang.
 */
class ProtocolTest {
    @TempDir
    static Path dir;
    static TlsProbe probe;

    @BeforeAll
    static void start() throws Exception {
        TestKeys.localhostPem(dir);
        probe = TlsProbe.start(provider(Map.of()));
    }

    static TlsProvider provider(Map<String, Object> more) throws Exception {
        Map<String, Object> table = new HashMap<>(Map.of("cert", "server.crt", "key",
                "server.key"));
        table.putAll(more);
        return new PemProvider().create(TestTable.of("tls.main", table, dir), null);
    }

    @AfterAll
    static void stop() throws Exception {
        probe.close();
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            TLSv1.3, TLS_AES_128_GCM_SHA256
            TLSv1.2, TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256
            """)
    void modernVersionsWithTheServersPreferredSuite(String protocol, String cipher)
            throws Exception {
        TlsProbe.Seen seen = TlsProbe.Client.of("localhost").protocols(protocol)
                .connect(probe.port());
        assertEquals(protocol, seen.protocol());
        assertEquals(cipher, seen.cipher());
    }

    /** A hand-made TLS 1.1 ClientHello (no supported_versions): answered by an alert. */
    @Test
    void tls11IsRefusedWithProtocolVersionAlert() throws Exception {
        byte[] hello = {
            0x01, 0x00, 0x00, 0x2b, 0x03, 0x02, // ClientHello (43 bytes), TLS 1.1
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
            17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, // random
            0x00, // session id
            0x00, 0x04, (byte) 0xc0, 0x13, 0x00, 0x2f, // ECDHE_RSA_AES_128_CBC_SHA, RSA_AES_128_CBC_SHA
            0x01, 0x00, // no compression
        };
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), probe.port())) {
            s.setSoTimeout(5000);
            s.getOutputStream().write(new byte[] {0x16, 0x03, 0x02, 0x00, (byte) hello.length});
            s.getOutputStream().write(hello);
            byte[] answer = readAll(s.getInputStream());
            // alert record: fatal (2), protocol_version (70)
            assertEquals(0x15, answer[0], "an alert record");
            assertArrayEquals(new byte[] {2, 70}, java.util.Arrays.copyOfRange(answer, 5, 7));
        }
    }

    private static byte[] readAll(InputStream in) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }

    @ParameterizedTest(name = "client offers {0}")
    @CsvSource(textBlock = """
            'h2,http/1.1', http/1.1
            'http/1.1',    http/1.1
            """)
    void alpnSelectsHttp11(String offered, String selected) throws Exception {
        assertEquals(selected, TlsProbe.Client.of("localhost").alpn(offered.split(","))
                .connect(probe.port()).alpn());
    }

    @Test
    void noAlpnMeansNone() throws Exception {
        assertEquals("", TlsProbe.Client.of("localhost").connect(probe.port()).alpn());
    }

    @Test
    void aClientOfferingOnlyH2FailsTheHandshakeAtOnce() {
        long start = System.nanoTime();
        SSLHandshakeException e = assertThrows(SSLHandshakeException.class,
                () -> TlsProbe.Client.of("localhost").alpn("h2").connect(probe.port()));
        assertEquals(true, e.getMessage().contains("no_application_protocol"), e.getMessage());
        assertEquals(true, System.nanoTime() - start < 4_000_000_000L, "no hang");
    }

    @Test
    void configuredProtocolsAndCiphers() throws Exception {
        try (TlsProbe only12 = TlsProbe.start(provider(Map.of("protocols", List.of("TLSv1.2"),
                "ciphers", List.of("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"))))) {
            TlsProbe.Seen seen = TlsProbe.Client.of("localhost").connect(only12.port());
            assertEquals("TLSv1.2", seen.protocol());
            assertEquals("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", seen.cipher());
            assertThrows(javax.net.ssl.SSLException.class, () -> TlsProbe.Client.of("localhost")
                    .protocols("TLSv1.3").connect(only12.port()));
        }
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            protocols   | TLSv1.1   | tls.main.protocols: "TLSv1.1" is not supported; choose from TLSv1.3, TLSv1.2
            ciphers     | TLS_NOPE  | tls.main.ciphers: "TLS_NOPE" is not supported; choose from
            client_auth | sometimes | tls.main.client_auth: must be "none", "want" or "need", not "sometimes"
            """)
    void badValuesNameTheKey(String key, String value, String message) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> provider(Map.of(key, value)));
        assertEquals(true, e.getMessage().startsWith(message), e.getMessage());
    }
}
