package io.httpd.core.http1;

import io.httpd.core.server.HttpServer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The PROXY protocol header (HAProxy proxy-protocol.txt v1 and v2): bytes in, the client out (or
 * "peer": use the connection's own; or why it is refused), each case replayed whole and one byte
 * per read; the bytes after the header are left in the stream.
 */
class ProxyHeaderTest {
    private static final String SIG = "\r\n\r\n\0\r\nQUIT\n";
    private static final String REST = "GET / HTTP/1.1\r\n";

    static Stream<Arguments> cases() {
        return Stream.of(
            // v1 (§2.1)
            Arguments.of("v1 TCP4", "PROXY TCP4 192.0.2.1 198.51.100.2 56324 443\r\n", "192.0.2.1:56324"),
            Arguments.of("v1 TCP6", "PROXY TCP6 2001:db8::1 2001:db8::2 1 65535\r\n", "[2001:db8:0:0:0:0:0:1]:1"),
            Arguments.of("v1 TCP6 mapped", "PROXY TCP6 ::ffff:192.0.2.1 ::1 80 81\r\n", "192.0.2.1:80"),
            Arguments.of("v1 UNKNOWN", "PROXY UNKNOWN\r\n", "peer"),
            Arguments.of("v1 UNKNOWN with fields", "PROXY UNKNOWN ffff:f...f:ffff 1 2 3\r\n", "peer"),
            Arguments.of("v1 longest TCP6", "PROXY TCP6 ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"
                    + " ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff 65535 65535\r\n",
                    "[ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff]:65535"),
            Arguments.of("v1 longest (107 bytes)", "PROXY UNKNOWN ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"
                    + " ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff 65535 65535\r\n", "peer"),
            Arguments.of("v1 108 bytes", "PROXY UNKNOWN ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"
                    + " ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff 65535 655350\r\n",
                    "malformed: PROXY v1 header longer than 107 bytes"),
            Arguments.of("v1 no CR", "PROXY TCP4 192.0.2.1 198.51.100.2 1 2\n",
                    "malformed: PROXY v1 header does not end in CRLF"),
            Arguments.of("v1 lowercase", "PROXY tcp4 192.0.2.1 198.51.100.2 1 2\r\n",
                    "malformed: PROXY v1 header: expected TCP4, TCP6 or UNKNOWN and four fields"),
            Arguments.of("v1 two spaces", "PROXY TCP4  192.0.2.1 198.51.100.2 1 2\r\n",
                    "malformed: PROXY v1 header: expected TCP4, TCP6 or UNKNOWN and four fields"),
            Arguments.of("v1 TCP4 with IPv6", "PROXY TCP4 ::1 ::1 1 2\r\n",
                    "malformed: PROXY v1 header: not an IPv4 address"),
            Arguments.of("v1 TCP6 with IPv4", "PROXY TCP6 192.0.2.1 192.0.2.2 1 2\r\n",
                    "malformed: PROXY v1 header: not an IPv6 address"),
            Arguments.of("v1 short IPv4", "PROXY TCP4 10.1 192.0.2.2 1 2\r\n",
                    "malformed: PROXY v1 header: not an IPv4 address"),
            Arguments.of("v1 leading zero", "PROXY TCP4 010.0.0.1 192.0.2.2 1 2\r\n",
                    "malformed: PROXY v1 header: not an IPv4 address"),
            Arguments.of("v1 port too big", "PROXY TCP4 192.0.2.1 192.0.2.2 65536 2\r\n",
                    "malformed: PROXY v1 header: not a port"),
            Arguments.of("v1 port with sign", "PROXY TCP4 192.0.2.1 192.0.2.2 +1 2\r\n",
                    "malformed: PROXY v1 header: not a port"),
            Arguments.of("v1 NUL", "PROXY TCP4 192.0.2.1\0 192.0.2.2 1 2\r\n",
                    "malformed: PROXY v1 header has a control or non-ASCII byte"),
            Arguments.of("v1 cut short", "PROXY TCP4 192.0.2.1 19", "eof"),
            // not a header at all
            Arguments.of("plain request", "GET / HTTP/1.1\r\nHost: a\r\n\r\n",
                    "malformed: no PROXY protocol header"),
            Arguments.of("TLS ClientHello", "\u0016\u0003\u0001\u0002\u0000\u0001",
                    "malformed: no PROXY protocol header"),
            Arguments.of("empty", "", "eof"),
            // v2 (§2.2)
            Arguments.of("v2 TCP4", v2(0x21, 0x11, 12, inet4(192, 0, 2, 1, 198, 51, 100, 2, 56324, 443), ""),
                    "192.0.2.1:56324"),
            Arguments.of("v2 TCP6", v2(0x21, 0x21, 36, inet6(), ""), "[2001:db8:0:0:0:0:0:1]:8080"),
            Arguments.of("v2 LOCAL (health check)", v2(0x20, 0x00, 0, "", ""), "peer"),
            Arguments.of("v2 LOCAL with addresses", v2(0x20, 0x11, 12, inet4(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), ""),
                    "peer"),
            Arguments.of("v2 UNSPEC", v2(0x21, 0x00, 0, "", ""), "peer"),
            Arguments.of("v2 UNIX", v2(0x21, 0x31, 216, "\0".repeat(216), ""), "peer"),
            Arguments.of("v2 TLVs (ALPN, authority, NOOP)", v2(0x21, 0x11, 12 + 5 + 14 + 3,
                    inet4(203, 0, 113, 7, 10, 0, 0, 1, 1234, 80),
                    "\u0001\u0000\u0002h2" + "\u0002\u0000\u000bexample.com" + "\u0004\u0000\u0000"),
                    "203.0.113.7:1234"),
            Arguments.of("v2 TLV overruns", v2(0x21, 0x11, 12 + 4,
                    inet4(203, 0, 113, 7, 10, 0, 0, 1, 1234, 80), "\u0001\u0000\u0009h"),
                    "malformed: PROXY v2 header: TLV longer than the header"),
            Arguments.of("v2 TLV truncated", v2(0x21, 0x11, 12 + 2,
                    inet4(203, 0, 113, 7, 10, 0, 0, 1, 1234, 80), "\u0001\u0000"),
                    "malformed: PROXY v2 header: truncated TLV"),
            Arguments.of("v2 length shorter than IPv4 addresses", v2(0x21, 0x11, 8,
                    inet4(1, 2, 3, 4, 5, 6, 7, 8, 0, 0).substring(0, 8), ""),
                    "malformed: PROXY v2 header: length 8 too short for its addresses"),
            Arguments.of("v2 length shorter than IPv6 addresses", v2(0x21, 0x21, 12,
                    inet4(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), ""),
                    "malformed: PROXY v2 header: length 12 too short for its addresses"),
            Arguments.of("v2 length longer than sent", v2(0x21, 0x11, 40,
                    inet4(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), "").substring(0, 28), "eof"),
            Arguments.of("v2 length past the bound", v2(0x21, 0x11, 1025, "", ""),
                    "malformed: PROXY v2 header longer than 1024 bytes"),
            Arguments.of("v2 version 1", v2(0x11, 0x11, 12, inet4(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), ""),
                    "malformed: PROXY v2 header: unknown version or command"),
            Arguments.of("v2 command 2", v2(0x22, 0x11, 12, inet4(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), ""),
                    "malformed: PROXY v2 header: unknown version or command"),
            Arguments.of("v2 family 4", v2(0x21, 0x41, 0, "", ""),
                    "malformed: PROXY v2 header: unknown address family or transport"),
            Arguments.of("v2 UDP", v2(0x21, 0x12, 12, inet4(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), ""),
                    "malformed: PROXY v2 header: a datagram source on a stream connection"),
            Arguments.of("v2 signature broken late", "\r\n\r\n\0\r\nQUIX\n\u0021\u0011\u0000\u000c",
                    "malformed: no PROXY protocol header"),
            Arguments.of("v2 cut in the signature", "\r\n\r\n\0\r\nQU", "eof")
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void whole(String name, String header, String expected) throws IOException {
        assertOutcome(new ByteArrayInputStream(stream(header, expected)), expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void oneBytePerRead(String name, String header, String expected) throws IOException {
        assertOutcome(MemoryTransport.oneBytePerRead(new ByteArrayInputStream(stream(header, expected))), expected);
    }

    /** The header and a request after it; a header cut short is all the client ever sent. */
    private static byte[] stream(String header, String expected) {
        return bytes(expected.equals("eof") ? header : header + REST);
    }

    /** The outcome; after a header (or none) the request behind it is left in the stream. */
    private static void assertOutcome(InputStream in, String expected) throws IOException {
        assertEquals(expected, outcome(in));
        if (!expected.startsWith("malformed") && !expected.equals("eof")) {
            assertEquals(REST, new String(in.readAllBytes(), StandardCharsets.ISO_8859_1),
                    "exactly the header is consumed");
        }
    }

    private static String outcome(InputStream in) throws IOException {
        try {
            Optional<InetSocketAddress> client = ProxyHeader.read(in);
            return client.map(ProxyHeaderTest::format).orElse("peer");
        } catch (ProxyHeader.Malformed e) {
            return "malformed: " + e.getMessage();
        } catch (EOFException e) {
            return "eof";
        }
    }

    private static String format(InetSocketAddress a) {
        return HttpServer.format(a);
    }

    /** The v2 header: signature, version and command, family and transport, length, rest. */
    static String v2(int verCmd, int family, int length, String addresses, String tlvs) {
        return SIG + (char) verCmd + (char) family + (char) (length >> 8) + (char) (length & 0xff)
                + addresses + tlvs;
    }

    static String inet4(int a, int b, int c, int d, int e, int f, int g, int h, int sport,
                        int dport) {
        return "" + (char) a + (char) b + (char) c + (char) d + (char) e + (char) f + (char) g
                + (char) h + port(sport) + port(dport);
    }

    private static String inet6() {
        String src = "\u0020\u0001\r\u00b8" + "\0".repeat(11) + "\u0001";
        String dst = "\u0020\u0001\r\u00b8" + "\0".repeat(11) + "\u0002";
        return src + dst + port(8080) + port(443);
    }

    private static String port(int p) {
        return "" + (char) (p >> 8) + (char) (p & 0xff);
    }

    static byte[] bytes(String latin1) {
        return latin1.getBytes(StandardCharsets.ISO_8859_1);
    }
}
