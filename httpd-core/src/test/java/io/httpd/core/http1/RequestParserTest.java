package io.httpd.core.http1;

import io.httpd.api.Headers;
import io.httpd.api.Method;
import io.httpd.api.Response;
import io.httpd.api.Status;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * The request head parser and its RFC 9112 checks, as two tables: bytes that parse (to the
 * expected head, leaving exactly the bytes after the head unread) and bytes that are refused
 * (with the expected status). Each row is replayed with all bytes available at once and with
 * one byte per read; valid rows also with bare LF line ends, which we accept (RFC 9112 §2.2).
 */
class RequestParserTest {
    static final int REQUEST_LINE = 100;
    static final int HEADER_BYTES = 300;
    static final int HEADER_COUNT = 10;

    /**
     * A server with these limits whose one route takes every method and reads the whole body:
     * what the parser fuzzers replay their requests against.
     */
    static TestContext server() {
        return new TestContext(TestContext.headLimits(REQUEST_LINE, HEADER_BYTES, HEADER_COUNT),
                TestContext.route("/", r -> Response.text(Status.OK,
                                "read " + r.body().readAllBytes().length),
                        Set.of(Method.GET, Method.POST, Method.PUT, Method.DELETE, Method.PATCH,
                                Method.OPTIONS, Method.TRACE)));
    }

    // ---- valid heads: (head, content after it) -> RequestHead ----

    static Stream<Arguments> valid() {
        String longTarget = "/" + "a".repeat(REQUEST_LINE - "GET / HTTP/1.1".length());
        String fill = "X: " + "v".repeat(HEADER_BYTES - "Host: a\r\n".length() - 5) + "\r\n";
        return Stream.of(
            ok("§3 origin-form", "GET / HTTP/1.1\r\nHost: example.com\r\n\r\n", "",
                head("GET", "/", "/", "", 1, BodyFraming.NONE, true, "Host", "example.com")),
            ok("§3.2.1 query kept raw", "GET /a/b?x=1&y=%20 HTTP/1.1\r\nHost: a\r\n\r\n", "",
                head("GET", "/a/b?x=1&y=%20", "/a/b", "x=1&y=%20", 1, BodyFraming.NONE, true, "Host", "a")),
            ok("§3.2.1 empty query", "GET /a? HTTP/1.1\r\nHost: a\r\n\r\n", "",
                head("GET", "/a?", "/a", "", 1, BodyFraming.NONE, true, "Host", "a")),
            ok("RFC 3986 §5.2.4 path decoded once, dot-segments removed",
                "GET /a/./b/../c%20d%3F?q HTTP/1.1\r\nHost: a\r\n\r\n", "",
                head("GET", "/a/./b/../c%20d%3F?q", "/a/c d?", "q", 1, BodyFraming.NONE, true, "Host", "a")),
            ok("§3.2.2 absolute-form", "GET http://example.com:8080/x?q HTTP/1.1\r\nHost: other\r\n\r\n", "",
                head("GET", "http://example.com:8080/x?q", "/x", "q", 1, BodyFraming.NONE, true, "Host", "other")),
            ok("§3.2.2 absolute-form without path", "GET HTTP://example.com HTTP/1.1\r\nHost: a\r\n\r\n", "",
                head("GET", "HTTP://example.com", "/", "", 1, BodyFraming.NONE, true, "Host", "a")),
            ok("§3.2.4 asterisk-form", "OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n", "",
                head("OPTIONS", "*", "*", "", 1, BodyFraming.NONE, true, "Host", "a")),
            ok("§3.2 HTTP/1.0 needs no Host; §9.3 and does not persist", "GET /x HTTP/1.0\r\n\r\n", "",
                head("GET", "/x", "/x", "", 0, BodyFraming.NONE, false)),
            ok("§9.3 HTTP/1.0 keep-alive", "GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n", "",
                head("GET", "/", "/", "", 0, BodyFraming.NONE, true, "Connection", "Keep-Alive")),
            ok("§9.6 close in a list, any case", "GET / HTTP/1.1\r\nHost: a\r\nConnection: keep-alive, CLOSE\r\n\r\n", "",
                head("GET", "/", "/", "", 1, BodyFraming.NONE, false, "Host", "a", "Connection", "keep-alive, CLOSE")),
            ok("RFC 9110 §6.2 HTTP/1.2 is answered as 1.1", "GET / HTTP/1.2\r\nHost: a\r\n\r\n", "",
                head("GET", "/", "/", "", 1, BodyFraming.NONE, true, "Host", "a")),
            ok("§5 OWS trimmed, empty value, name case kept, obs-text value",
                "GET / HTTP/1.1\r\nhOST:  \t a \t\r\nX-Empty:\r\nX-Latin: caf\u00e9\r\n\r\n", "",
                head("GET", "/", "/", "", 1, BodyFraming.NONE, true,
                    "hOST", "a", "X-Empty", "", "X-Latin", "caf\u00e9")),
            ok("RFC 9110 §8.6 Content-Length", "POST /f HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\n", "hello",
                head("POST", "/f", "/f", "", 1, BodyFraming.length(5), true, "Host", "a", "Content-Length", "5")),
            ok("RFC 9110 §8.6 Content-Length 0 is no content", "POST /f HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n", "",
                head("POST", "/f", "/f", "", 1, BodyFraming.NONE, true, "Host", "a", "Content-Length", "0")),
            ok("RFC 9110 §8.6 identical Content-Length values are one",
                "PUT /f HTTP/1.1\r\nHost: a\r\nContent-Length: 3, 3\r\nContent-Length: 3\r\n\r\n", "abc",
                head("PUT", "/f", "/f", "", 1, BodyFraming.length(3), true,
                    "Host", "a", "Content-Length", "3, 3", "Content-Length", "3")),
            ok("§7.1 chunked, coding name case-insensitive",
                "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: Chunked\r\n\r\n", "3\r\nabc\r\n0\r\n\r\n",
                head("POST", "/", "/", "", 1, BodyFraming.CHUNKED, true, "Host", "a", "Transfer-Encoding", "Chunked")),
            ok("RFC 9110 §10.1.1 Expect: 100-continue",
                "PUT /f HTTP/1.1\r\nHost: a\r\nExpect: 100-Continue\r\nContent-Length: 1\r\n\r\n", "x",
                withContinue(head("PUT", "/f", "/f", "", 1, BodyFraming.length(1), true,
                    "Host", "a", "Expect", "100-Continue", "Content-Length", "1"))),
            ok("RFC 9110 §10.1.1 no 100 for HTTP/1.0",
                "PUT /f HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 1\r\n\r\n", "x",
                head("PUT", "/f", "/f", "", 0, BodyFraming.length(1), false,
                    "Expect", "100-continue", "Content-Length", "1")),
            ok("§2.2 empty lines before the request line", "\r\n\r\nDELETE /d HTTP/1.1\r\nHost: a\r\n\r\n", "",
                head("DELETE", "/d", "/d", "", 1, BodyFraming.NONE, true, "Host", "a")),
            ok("§9.3.2 pipelined request stays unread",
                "GET /1 HTTP/1.1\r\nHost: a\r\n\r\n", "GET /2 HTTP/1.1\r\nHost: a\r\n\r\n",
                head("GET", "/1", "/1", "", 1, BodyFraming.NONE, true, "Host", "a")),
            ok("RFC 9110 §7.2 Host: IP-literal and port", "PATCH /p HTTP/1.1\r\nHost: [::1]:8080\r\n\r\n", "",
                head("PATCH", "/p", "/p", "", 1, BodyFraming.NONE, true, "Host", "[::1]:8080")),
            ok("§3.2 empty Host", "GET / HTTP/1.1\r\nHost:\r\n\r\n", "",
                head("GET", "/", "/", "", 1, BodyFraming.NONE, true, "Host", "")),
            ok("limit: request line of exactly request_line bytes", "GET " + longTarget + " HTTP/1.1\r\nHost: a\r\n\r\n", "",
                head("GET", longTarget, longTarget, "", 1, BodyFraming.NONE, true, "Host", "a")),
            ok("limit: field lines of exactly header_bytes", "GET / HTTP/1.1\r\nHost: a\r\n" + fill + "\r\n", "",
                head("GET", "/", "/", "", 1, BodyFraming.NONE, true,
                    "Host", "a", "X", fill.substring(3, fill.length() - 2))),
            ok("limit: exactly header_count fields", "GET / HTTP/1.1\r\nHost: a\r\n" + "X: 1\r\n".repeat(HEADER_COUNT - 1) + "\r\n", "",
                head("GET", "/", "/", "", 1, BodyFraming.NONE, true, "Host", "a",
                    "X", "1", "X", "1", "X", "1", "X", "1", "X", "1", "X", "1", "X", "1", "X", "1", "X", "1")));
    }

    @ParameterizedTest
    @MethodSource("valid")
    void parsesWhole(String head, String rest, RequestHead expected) throws IOException {
        assertParses(head + rest, false, rest, expected);
    }

    @ParameterizedTest
    @MethodSource("valid")
    void parsesOneBytePerRead(String head, String rest, RequestHead expected) throws IOException {
        assertParses(head + rest, true, rest, expected);
    }

    @ParameterizedTest
    @MethodSource("valid")
    void parsesWithBareLf(String head, String rest, RequestHead expected) throws IOException {
        assertParses(head.replace("\r\n", "\n") + rest, false, rest, expected);
        assertParses(head.replace("\r\n", "\n") + rest, true, rest, expected);
    }

    private static void assertParses(String request, boolean oneByte, String rest,
                                     RequestHead expected) throws IOException {
        WireReader in = reader(request, oneByte);
        assertEquals(expected, HeadRules.check(parser(in).read()));
        assertEquals(rest, remaining(in), "bytes after the head");
    }

    // ---- invalid heads -> status ----

    static Stream<Arguments> invalid() {
        return Stream.of(
            bad("§2.2 bare CR ends the request line", "GET / HTTP/1.1\rHost: a\r\n\r\n", 400),
            bad("§2.2 bare CR before CRLF", "GET / HTTP/1.1\r\r\nHost: a\r\n\r\n", 400),
            bad("§2.2 bare CR in a field value", "GET / HTTP/1.1\r\nHost: a\r\nX: a\rb\r\n\r\n", 400),
            bad("§2.2 whitespace before the first field", "GET / HTTP/1.1\r\n Host: a\r\n\r\n", 400),
            bad("§5.2 obs-fold", "GET / HTTP/1.1\r\nHost: a\r\nX: a\r\n b\r\n\r\n", 400),
            bad("§5.1 space before colon (smuggling: Transfer-Encoding :)", "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding : chunked\r\n\r\n", 400),
            bad("§5.1 tab before colon", "GET / HTTP/1.1\r\nHost\t: a\r\n\r\n", 400),
            bad("RFC 9110 §5.1 field name not a token", "GET / HTTP/1.1\r\nHost: a\r\nX@Y: 1\r\n\r\n", 400),
            bad("RFC 9110 §5.1 empty field name", "GET / HTTP/1.1\r\nHost: a\r\n: 1\r\n\r\n", 400),
            bad("§5 field line without colon", "GET / HTTP/1.1\r\nHost: a\r\nX\r\n\r\n", 400),
            bad("RFC 9110 §5.5 NUL in a value", "GET / HTTP/1.1\r\nHost: a\r\nX: a\u0000b\r\n\r\n", 400),
            bad("RFC 9110 §5.5 CTL in a value", "GET / HTTP/1.1\r\nHost: a\r\nX: a\u0001b\r\n\r\n", 400),
            bad("RFC 9110 §5.5 DEL in a value", "GET / HTTP/1.1\r\nHost: a\r\nX: a\u007fb\r\n\r\n", 400),
            bad("§2.3 two-digit minor version", "GET / HTTP/1.10\r\nHost: a\r\n\r\n", 400),
            bad("§2.3 version is case-sensitive", "GET / http/1.1\r\nHost: a\r\n\r\n", 400),
            bad("§2.3 version without minor", "GET / HTTP/1\r\nHost: a\r\n\r\n", 400),
            bad("RFC 9110 §15.6.6 HTTP/2.0", "GET / HTTP/2.0\r\nHost: a\r\n\r\n", 505),
            bad("RFC 9110 §15.6.6 HTTP/0.9", "GET / HTTP/0.9\r\nHost: a\r\n\r\n", 505),
            bad("§3 missing version", "GET /\r\nHost: a\r\n\r\n", 400),
            bad("§3 empty version", "GET / \r\nHost: a\r\n\r\n", 400),
            bad("§3 space after version", "GET / HTTP/1.1 \r\nHost: a\r\n\r\n", 400),
            bad("§3 two spaces after method", "GET  / HTTP/1.1\r\nHost: a\r\n\r\n", 400),
            bad("§3 empty method", " / HTTP/1.1\r\nHost: a\r\n\r\n", 400),
            bad("§3 method not a token", "G(T / HTTP/1.1\r\nHost: a\r\n\r\n", 400),
            bad("§3.2 space in target", "GET /a b HTTP/1.1\r\nHost: a\r\n\r\n", 400),
            bad("§3.2 fragment in target", "GET /a#f HTTP/1.1\r\nHost: a\r\n\r\n", 400),
            bad("§3.2 CTL in target", "GET /a\u0001 HTTP/1.1\r\nHost: a\r\n\r\n", 400),
            bad("§3.2 non-ASCII in target", "GET /caf\u00e9 HTTP/1.1\r\nHost: a\r\n\r\n", 400),
            bad("§3.2 target not origin- or absolute-form", "GET a/b HTTP/1.1\r\nHost: a\r\n\r\n", 400),
            bad("§3.2.2 absolute-form with userinfo", "GET http://u@a/ HTTP/1.1\r\nHost: a\r\n\r\n", 400),
            bad("§3.2.2 absolute-form with empty authority", "GET http:///x HTTP/1.1\r\nHost: a\r\n\r\n", 400),
            bad("§3.2.4 asterisk-form with GET", "GET * HTTP/1.1\r\nHost: a\r\n\r\n", 400),
            bad("§6.3 item 3 Content-Length and Transfer-Encoding (CL.TE smuggling)",
                "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n", 400),
            bad("§6.3 item 3 Transfer-Encoding and Content-Length (TE.CL smuggling)",
                "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nContent-Length: 4\r\n\r\n", 400),
            bad("RFC 9110 §8.6 two differing Content-Length lines", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n", 400),
            bad("RFC 9110 §8.6 differing Content-Length list", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5, 6\r\n\r\n", 400),
            bad("RFC 9110 §8.6 Content-Length with a sign", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: +5\r\n\r\n", 400),
            bad("RFC 9110 §8.6 negative Content-Length", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n", 400),
            bad("RFC 9110 §8.6 hex Content-Length", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 0x5\r\n\r\n", 400),
            bad("RFC 9110 §8.6 space inside Content-Length", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1 2\r\n\r\n", 400),
            bad("RFC 9110 §8.6 empty Content-Length", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length:\r\n\r\n", 400),
            bad("RFC 9110 §8.6 empty Content-Length beside a valid one (CVE-2022-31081)",
                "POST / HTTP/1.1\r\nHost: a\r\nContent-Length:\r\nContent-Length: 5\r\n\r\n", 400),
            bad("RFC 9110 §8.6 empty element in a Content-Length list", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5,\r\n\r\n", 400),
            bad("RFC 9110 §8.6 Content-Length list of commas", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: ,\r\n\r\n", 400),
            bad("RFC 9110 §8.6 Content-Length overflow", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999999999999999\r\n\r\n", 400),
            bad("§6.3 item 4 final coding not chunked", "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\n\r\n", 400),
            bad("§6.1 chunked twice in a list", "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, chunked\r\n\r\n", 400),
            bad("§6.1 chunked twice in two lines", "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n", 400),
            bad("§6.3 item 4 chunked then gzip", "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, gzip\r\n\r\n", 400),
            bad("§6.1 unknown coding before chunked: 501", "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", 501),
            bad("§6.1 empty Transfer-Encoding", "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: \r\n\r\n", 400),
            bad("§6.1 Transfer-Encoding in HTTP/1.0", "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n", 400),
            bad("§3.2 missing Host", "GET / HTTP/1.1\r\nX: 1\r\n\r\n", 400),
            bad("§3.2 two Host lines", "GET / HTTP/1.1\r\nHost: a\r\nHost: a\r\n\r\n", 400),
            bad("§3.2 invalid Host", "GET / HTTP/1.1\r\nHost: a/b\r\n\r\n", 400),
            bad("§3.2 Host with a bad port", "GET / HTTP/1.1\r\nHost: a:8o\r\n\r\n", 400),
            bad("RFC 3986 §5.2.4 path climbs above /", "GET /../x HTTP/1.1\r\nHost: a\r\n\r\n", 400),
            bad("RFC 3986 §5.2.4 encoded dot-segments climb above /", "GET /a/%2e%2e/%2e%2e/x HTTP/1.1\r\nHost: a\r\n\r\n", 400),
            bad("RFC 3986 §2.1 malformed percent-encoding", "GET /%zz HTTP/1.1\r\nHost: a\r\n\r\n", 400),
            bad("RFC 9110 §15.5.15 request line over the limit", "GET /" + "a".repeat(REQUEST_LINE - 13) + " HTTP/1.1\r\nHost: a\r\n\r\n", 414),
            bad("RFC 9110 §15.5.15 request line over the limit, bare LF", "GET /" + "a".repeat(REQUEST_LINE - 13) + " HTTP/1.1\nHost: a\n\n", 414),
            bad("RFC 9110 §15.5.15 endless request line", "GET /" + "a".repeat(4 * REQUEST_LINE), 414),
            bad("RFC 6585 §5 header section over the limit", "GET / HTTP/1.1\r\nHost: a\r\nX: " + "v".repeat(HEADER_BYTES) + "\r\n\r\n", 431),
            bad("RFC 6585 §5 header section over the limit by one",
                "GET / HTTP/1.1\r\nHost: a\r\nX: " + "v".repeat(HEADER_BYTES - "Host: a\r\n".length() - 4) + "\r\n\r\n", 431),
            bad("RFC 6585 §5 too many fields", "GET / HTTP/1.1\r\nHost: a\r\n" + "X: 1\r\n".repeat(HEADER_COUNT) + "\r\n", 431),
            bad("RFC 9110 §9.1 unknown method", "FOO / HTTP/1.1\r\nHost: a\r\n\r\n", 501),
            bad("RFC 9110 §9.1 methods are case-sensitive", "get / HTTP/1.1\r\nHost: a\r\n\r\n", 501),
            bad("RFC 9110 §9.3.6 CONNECT: not a proxy", "CONNECT a:443 HTTP/1.1\r\nHost: a:443\r\n\r\n", 501),
            bad("RFC 9110 §9.1 method longer than any known", "A".repeat(RequestParser.MAX_METHOD_LENGTH + 1) + " / HTTP/1.1\r\nHost: a\r\n\r\n", 501),
            bad("RFC 9110 §10.1.1 unknown expectation", "GET / HTTP/1.1\r\nHost: a\r\nExpect: 200-ok\r\n\r\n", 417));
    }

    /** §8: a head cut short by the client closing is not an exchange: nothing to answer. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aHeadCutShortIsAnEndOfStream(boolean oneByte) {
        assertThrows(java.io.EOFException.class,
                () -> parser(reader("GET / HTTP/1.1\r\nHost: a\r\n", oneByte)).read());
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void refusesWhole(String request, int status) {
        assertRefused(request, false, status);
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void refusesOneBytePerRead(String request, int status) {
        assertRefused(request, true, status);
    }

    private static void assertRefused(String request, boolean oneByte, int status) {
        HttpException e = assertThrows(HttpException.class,
                () -> HeadRules.check(parser(reader(request, oneByte)).read()));
        assertEquals(status, e.status().code(), e.getMessage());
    }

    // ---- plumbing ----

    private static Arguments ok(String name, String head, String rest, RequestHead expected) {
        return argumentSet(name, head, rest, expected);
    }

    private static Arguments bad(String name, String request, int status) {
        return argumentSet(name, request, status);
    }

    static RequestHead head(String method, String target, String path, String query, int minor,
                            BodyFraming framing, boolean keepAlive, String... fields) {
        return new RequestHead(Method.of(method), target, path, query, minor, Headers.of(fields),
                framing, false, keepAlive);
    }

    private static RequestHead withContinue(RequestHead h) {
        return new RequestHead(h.method(), h.target(), h.path(), h.query(), h.minor(),
                h.headers(), h.framing(), true, h.keepAlive());
    }

    private static WireReader reader(String request, boolean oneByte) throws IOException {
        byte[] bytes = request.getBytes(StandardCharsets.ISO_8859_1);
        return new WireReader(oneByte ? MemoryTransport.oneBytePerRead(bytes)
                : MemoryTransport.of(bytes), 16 * 1024, new TrafficCounters());
    }

    private static RequestParser parser(WireReader in) {
        return new RequestParser(in, REQUEST_LINE, HEADER_BYTES, HEADER_COUNT);
    }

    private static String remaining(WireReader in) throws IOException {
        ByteArrayOutputStream rest = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            rest.write(c);
        }
        return rest.toString(StandardCharsets.ISO_8859_1);
    }
}
