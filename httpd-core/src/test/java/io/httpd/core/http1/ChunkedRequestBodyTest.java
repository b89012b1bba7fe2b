package io.httpd.core.http1;

import io.httpd.api.Method;
import io.httpd.api.Response;
import io.httpd.api.Status;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;

import static io.httpd.core.http1.TestContext.CLOSE;
import static io.httpd.core.http1.TestContext.error;
import static io.httpd.core.http1.TestContext.route;
import static io.httpd.core.http1.TestContext.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * Chunked request content (RFC 9112 §7.1): decoded for the handler, extensions ignored, trailer
 * fields read, checked to be field lines and discarded, framing consumed exactly so the next
 * request follows; malformed framing is 400 and closes the connection.
 */
class ChunkedRequestBodyTest {
    static final String HEAD = "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n";
    static final String NEXT = "GET /echo HTTP/1.1\r\nHost: a\r\n\r\n";

    private final TestContext t = new TestContext(
            route("/echo", r -> Response.text(Status.OK,
                    "[" + new String(r.body().readAllBytes(), StandardCharsets.ISO_8859_1) + "]"),
                    Set.of(Method.GET, Method.POST), 100_000),
            route("/ignore", r -> Response.text(Status.OK, "ignored"), Set.of(Method.POST)));

    static String ok(String body) {
        return text("HTTP/1.1 200 OK", "", body);
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void chunksAreJoined(Wire wire) throws Exception {
        assertEquals(ok("[hello world]") + ok("[]"),
                wire.exchange(t.ctx, HEAD + "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n" + NEXT));
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void extensionsAndTrailersAreConsumedAndDropped(Wire wire) throws Exception {
        assertEquals(ok("[0123456789abcdef]") + ok("[]"),
                wire.exchange(t.ctx, HEAD + "A;name=value;x=\"q\"\r\n0123456789\r\n"
                        + "0006\r\nabcdef\r\n0;last\r\nX-Trailer: t\r\nContent-Length: 99\r\n\r\n" + NEXT));
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void emptyBody(Wire wire) throws Exception {
        assertEquals(ok("[]") + ok("[]"), wire.exchange(t.ctx, HEAD + "0\r\n\r\n" + NEXT));
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void unreadBodyIsDrainedBeforeTheNextRequest(Wire wire) throws Exception {
        String ignore = HEAD.replace("/echo", "/ignore");
        assertEquals(text("HTTP/1.1 200 OK", "", "ignored") + ok("[]"),
                wire.exchange(t.ctx, ignore + "5\r\nhello\r\n0\r\nT: 1\r\n\r\n" + NEXT));
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void largeChunks(Wire wire) throws Exception {
        char[] big = new char[40_000];
        Arrays.fill(big, 'x');
        String data = new String(big);
        assertEquals(ok("[" + data + data + "]"),
                wire.exchange(t.ctx, HEAD + "9c40\r\n" + data + "\r\n9C40\r\n" + data + "\r\n0\r\n\r\n"));
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
            bad("§7.1 size with a sign", "+5\r\nhello\r\n0\r\n\r\n", Violation.CHUNK_SIZE_MALFORMED.reason),
            bad("§7.1 size after a space", " 5\r\nhello\r\n0\r\n\r\n", Violation.CHUNK_SIZE_MALFORMED.reason),
            bad("§7.1 empty size", "\r\nhello\r\n0\r\n\r\n", Violation.CHUNK_SIZE_MALFORMED.reason),
            bad("§7.1 hex prefix", "0x5\r\nhello\r\n0\r\n\r\n", Violation.CHUNK_EXTENSION_MALFORMED.reason),
            bad("§7.1 space after size", "5 \r\nhello\r\n0\r\n\r\n", Violation.CHUNK_EXTENSION_MALFORMED.reason),
            bad("§7.1 bare LF after size", "5\nhello\r\n0\r\n\r\n", Violation.CHUNK_EXTENSION_MALFORMED.reason),
            bad("§7.1.1 CTL in an extension", "5;a=\u0001\r\nhello\r\n0\r\n\r\n", Violation.CHUNK_EXTENSION_MALFORMED.reason),
            bad("§7.1.1 bare CR in an extension", "5;a\rb\r\nhello\r\n0\r\n\r\n", Violation.CHUNK_SIZE_LINE_END.reason),
            bad("§7.1 size over 15 hex digits (overflow)", "1000000000000000\r\nx\r\n0\r\n\r\n", Violation.CHUNK_SIZE_TOO_LARGE.reason),
            bad("§7.1 data longer than its size (smuggling)", "5\r\nhelloXX\r\n0\r\n\r\n", Violation.CHUNK_DATA_END.reason),
            bad("§7.1 bare LF after data", "5\r\nhello\n0\r\n\r\n", Violation.CHUNK_DATA_END.reason),
            bad("§7.1.2 bare CR in the trailer", "0\r\nX: a\rb\r\n\r\n", Violation.TRAILER_BARE_CR.reason),
            bad("§7.1.2 NUL in the trailer", "0\r\nX: a\u0000\r\n\r\n", Violation.TRAILER_CONTROL.reason),
            bad("§7.1.2 trailer ended by bare LF", "0\r\nX: a\n\r\n", Violation.TRAILER_CONTROL.reason),
            bad("§7.1.2 a request line as trailer (smuggling)", "0\r\nGET /x HTTP/1.1\r\n\r\n", Violation.TRAILER_MALFORMED.reason),
            bad("§7.1.2 trailer line without colon", "0\r\nX-Trailer\r\n\r\n", Violation.TRAILER_MALFORMED.reason),
            bad("§7.1.2 trailer with an empty name", "0\r\n: a\r\n\r\n", Violation.TRAILER_MALFORMED.reason),
            bad("§5.1 whitespace before a trailer's colon", "0\r\nX : a\r\n\r\n", Violation.TRAILER_MALFORMED.reason),
            bad("§5.2 obs-fold in the trailer", "0\r\nX: a\r\n b\r\n\r\n", Violation.TRAILER_MALFORMED.reason));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void malformedFramingIs400AndCloses(String body, String why) throws Exception {
        for (Wire wire : Wire.values()) {
            assertEquals(error(400, why, CLOSE), wire.exchange(t.ctx, HEAD + body + NEXT), wire.name());
        }
    }

    private static Arguments bad(String name, String body, String why) {
        return argumentSet(name, body, why);
    }
}
