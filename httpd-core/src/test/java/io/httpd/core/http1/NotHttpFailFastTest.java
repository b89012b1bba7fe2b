package io.httpd.core.http1;

import io.httpd.api.Response;
import io.httpd.api.Status;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Stream;

import static io.httpd.core.http1.TestContext.CLOSE;
import static io.httpd.core.http1.TestContext.error;
import static io.httpd.core.http1.TestContext.normalize;
import static io.httpd.core.http1.TestContext.route;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * Bytes that cannot begin an HTTP request are answered at once, not after a line end or the
 * header timeout: a first byte that cannot start a method (RFC 9112 §3: a method is a token;
 * §2.2 lets only CR and LF precede the request-line) is 400, and a method longer than any the
 * server knows is 501 (RFC 9110 §9.1, RFC 9112 §3) as soon as it is that long. Each row has no
 * line end; the input then blocks (in memory: fails the test if read again; over a socket: a
 * header timeout of 60 s that the client's 5 s read would never reach).
 */
class NotHttpFailFastTest {
    static Stream<Arguments> notHttp() {
        return Stream.of(
            row("§3 TLS ClientHello record (0x16 0x03 0x01)",
                "\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u0001\u00fc\u0003\u0003", 400, "method is not a token"),
            row("§3 NUL", "\u0000", 400, "method is not a token"),
            row("§3 control byte 0x01 before a request", "\u0001GET / HTTP/1.1", 400, "method is not a token"),
            row("§2.2 HTAB is not an empty line", "\tGET / HTTP/1.1", 400, "method is not a token"),
            row("§3 SP cannot start a method", " / HTTP/1.1", 400, "method is not a token"),
            row("§3 DEL", "\u007f", 400, "method is not a token"),
            row("§3 a byte over 0x7f", "\u00ff\u00fe", 400, "method is not a token"),
            row("§2.2 an empty line, then a NUL", "\r\n\u0000", 400, "method is not a token"),
            row("§3 NUL inside a method", "GE\u0000", 400, "method is not a token"),
            row("RFC 9110 §9.1 a method longer than any known (8 token bytes)", "PROPFIND", 501, "method too long"),
            row("RFC 9110 §9.1 a long token without end", "A".repeat(200), 501, "method too long"));
    }

    /** Bytes a request can start with: the parser waits for more, and then sees the close. */
    @ParameterizedTest
    @ValueSource(strings = {"OPTIONS", "GET", "\r\n", "\n", "\r\nGET", "GET ", "G\r", "garbage\r"})
    void aPossibleRequestStartWaitsForMore(String start) throws IOException {
        try {
            parser(new ByteArrayInputStream(latin1(start)), false).read();
        } catch (EOFException closedInsideAHead) {
            // waited for more, as it should
        }
    }

    @ParameterizedTest
    @MethodSource("notHttp")
    void refusedBeforeMoreIsReadWhole(String bytes, int status, String reason) {
        assertRefusedInMemory(bytes, false, status, reason);
    }

    @ParameterizedTest
    @MethodSource("notHttp")
    void refusedBeforeMoreIsReadOneBytePerRead(String bytes, int status, String reason) {
        assertRefusedInMemory(bytes, true, status, reason);
    }

    @ParameterizedTest
    @MethodSource("notHttp")
    void answeredAndClosedWithoutWaitingForTheHeaderTimeout(String bytes, int status, String reason)
            throws Exception {
        Duration long60 = Duration.ofSeconds(60);
        TestContext t = new TestContext(TestContext.timeouts(long60, long60, long60),
                route("/", r -> Response.text(Status.OK, "ok")));
        try (TestServer server = TestServer.start(t.ctx); RawClient client = server.connect()) {
            client.send(bytes); // no line end; RawClient's reads give up after 5 s
            assertEquals(error(status, reason, CLOSE), normalize(client.readResponse()));
            assertTrue(client.serverClosed());
        }
        assertEquals(status, t.nextRecord().status());
    }

    private static void assertRefusedInMemory(String bytes, boolean oneByte, int status, String reason) {
        InputStream thenBlock = new SequenceInputStream(new ByteArrayInputStream(latin1(bytes)),
                new InputStream() {
                    @Override
                    public int read() {
                        throw new AssertionError("the parser waited for more bytes");
                    }
                });
        HttpException e = assertThrows(HttpException.class, () -> parser(thenBlock, oneByte).read());
        assertEquals(status, e.status().code());
        assertEquals(reason, e.getMessage());
    }

    private static RequestParser parser(InputStream in, boolean oneByte) throws IOException {
        InputStream source = oneByte ? MemoryTransport.oneBytePerRead(in) : in;
        return new RequestParser(new WireReader(new MemoryTransport(source), 16 * 1024, new TrafficCounters()), 8192, 16384, 100);
    }

    private static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static Arguments row(String name, String bytes, int status, String reason) {
        return argumentSet(name, bytes, status, reason);
    }
}
