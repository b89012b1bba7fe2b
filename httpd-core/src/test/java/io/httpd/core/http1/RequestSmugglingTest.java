package io.httpd.core.http1;

import io.httpd.api.AccessRecord;
import io.httpd.api.Method;
import io.httpd.api.Response;
import io.httpd.api.Status;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static io.httpd.core.http1.TestContext.CLOSE;
import static io.httpd.core.http1.TestContext.error;
import static io.httpd.core.http1.TestContext.normalize;
import static io.httpd.core.http1.TestContext.route;
import static io.httpd.core.http1.TestContext.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * Request smuggling attempts, each named for the RFC 9112 / RFC 9110 rule it breaks and the
 * public advisory it comes from, each followed on the same connection by an innocent
 * {@code GET /second}. Framing the server can't trust gets exactly one response (the expected
 * status and reason, Connection: close) and the connection is closed: /second is never read,
 * answered or logged. Framing it can trust is consumed exactly: /second is answered. Either way
 * no body byte ever reaches a handler as a request ({@code /smuggled} is never called).
 * Replayed in memory (whole and one byte per read) and over a socket the client keeps open.
 */
class RequestSmugglingTest {
    static final String SECOND = "GET /second HTTP/1.1\r\nHost: a\r\n\r\n";
    static final String SMUGGLED = "GET /smuggled HTTP/1.1\r\nHost: a\r\n\r\n";
    static final int SMUGGLED_LENGTH = SMUGGLED.length();
    static final String SECOND_OK = text("HTTP/1.1 200 OK", "", "second");

    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final TestContext t = new TestContext(
            route("/read", r -> {
                int n = r.body().readAllBytes().length; // trailers arrive after the content
                return ok(r.route(), "read " + n + " host " + r.header("Host").orElse("-"));
            }, Set.of(Method.GET, Method.POST)),
            route("/ignore", r -> ok(r.route(), "ignored"), Set.of(Method.GET, Method.POST)),
            route("/second", r -> ok(r.route(), "second")),
            route("/smuggled", r -> ok(r.route(), "SMUGGLED")));

    private Response ok(String route, String body) {
        calls.computeIfAbsent(route, k -> new AtomicInteger()).incrementAndGet();
        return Response.text(Status.OK, body);
    }

    static Stream<Arguments> attacks() {
        String te = "Transfer-Encoding: chunked\r\n";
        String teBody = Integer.toHexString(SMUGGLED_LENGTH) + "\r\n" + SMUGGLED + "\r\n0\r\n\r\n";
        String clte = "0\r\n\r\n" + SMUGGLED;
        String cl = "Content-Length: " + clte.length() + "\r\n";
        String both = Violation.TRANSFER_ENCODING_AND_LENGTH.reason;
        String notFinal = Violation.CHUNKED_NOT_FINAL.reason;
        String lastNotChunked = Violation.FINAL_CODING_NOT_CHUNKED.reason;
        String fold = Violation.LINE_FOLDING.reason;
        String nameWs = Violation.WHITESPACE_BEFORE_COLON.reason;
        String ctl = Violation.FIELD_VALUE_CONTROL.reason;
        String badCl = Violation.CONTENT_LENGTH_INVALID.reason;
        String ext = Violation.CHUNK_EXTENSION_MALFORMED.reason;
        String size = Violation.CHUNK_SIZE_MALFORMED.reason;
        String afterData = Violation.CHUNK_DATA_END.reason;
        return Stream.of(
            // ---- Content-Length against Transfer-Encoding ----
            bad("CL.TE: RFC 9112 §6.3 item 3; PortSwigger Web Security Academy; CVE-2019-20445 (Netty)", post(cl + te, clte), both),
            bad("TE.CL: RFC 9112 §6.3 item 3; PortSwigger Web Security Academy", post(te + "Content-Length: 4\r\n", teBody), both),
            bad("TE.TE xchunked beside CL: PortSwigger 'HTTP Desync Attacks' (2019)", post(cl + "Transfer-Encoding: xchunked\r\n", clte), both),
            bad("TE.TE xchunked alone: §6.3 item 4; CVE-2019-18277 (HAProxy)", post("Transfer-Encoding: xchunked\r\n", teBody), lastNotChunked),
            bad("TE.TE [SP]chunked beside CL: PortSwigger 2019", post(cl + "Transfer-Encoding:  chunked\r\n", clte), both),
            bad("TE.TE chunked[TAB] beside CL: PortSwigger 2019", post(cl + "Transfer-Encoding: chunked\t\r\n", clte), both),
            bad("TE.TE chunked then x: §6.3 item 4; PortSwigger 2019", post(te + "Transfer-Encoding: x\r\n", teBody), notFinal),
            bad("TE.TE chunked twice: §6.1 chunked MUST NOT be applied twice", post(te + te, teBody), notFinal),
            bad("TE.TE chunked, identity: §6.1", post("Transfer-Encoding: chunked, identity\r\n", teBody), notFinal),
            bad("TE.TE quoted \"chunked\": §6.3 item 4", post("Transfer-Encoding: \"chunked\"\r\n", teBody), lastNotChunked),
            bad("TE.TE Transfer-Encoding[SP]: §5.1; CVE-2019-16869 (Netty)", post("Transfer-Encoding : chunked\r\n", teBody), nameWs),
            bad("TE.TE Transfer-Encoding[TAB]: §5.1; PortSwigger 2019", post("Transfer-Encoding\t: chunked\r\n", teBody), nameWs),
            bad("TE.TE [SP]Transfer-Encoding first: §2.2; CVE-2020-7238 (Netty)",
                "POST /read HTTP/1.1\r\n Transfer-Encoding: chunked\r\nHost: a\r\n\r\n" + teBody, fold),
            bad("TE.TE obs-fold value: §5.2; CVE-2022-32215 (llhttp)", post("Transfer-Encoding:\r\n chunked\r\n", teBody), fold),
            bad("TE.TE [VT]chunked: RFC 9110 §5.5; CVE-2019-18277 (HAProxy), CVE-2019-16789 (Waitress)",
                post("Transfer-Encoding: \u000bchunked\r\n", teBody), ctl),
            bad("TE.TE behind a bare LF, beside CL: §2.2 (LF ends the line here); PortSwigger 2019",
                post(cl + "X: x\n" + te, clte), both),
            bad("TE.TE behind a bare CR: §2.2; CVE-2023-30589 (llhttp)", post("X: x\r" + te, teBody), ctl),
            bad("Transfer-Encoding from HTTP/1.0: §6.1",
                "POST /read HTTP/1.0\r\n" + te + "\r\n" + teBody, Violation.TRANSFER_ENCODING_IN_HTTP10.reason),
            good("Transfer-Encoding:[TAB]chunked is OWS, plain chunked: RFC 9110 §5.6.3",
                post("Transfer-Encoding:\tchunked\r\n", "5\r\nhello\r\n0\r\n\r\n"), "read 5 host a"),
            // ---- Content-Length obfuscation: §6.3 item 5, RFC 9110 §8.6 ----
            bad("CL +5: CVE-2022-24761 (Waitress), CVE-2023-38697 (protocol-http1)", post("Content-Length: +5\r\n", "hello"), badCl),
            bad("CL 0x5: CVE-2022-24761 (Waitress), CVE-2023-38697 (protocol-http1)", post("Content-Length: 0x5\r\n", "hello"), badCl),
            bad("CL [SP]5 5: RFC 9110 §8.6", post("Content-Length:  5 5\r\n", "hello"), badCl),
            bad("CL twice, differing: RFC 9110 §8.6; CVE-2019-20445 (Netty)",
                post("Content-Length: 5\r\nContent-Length: " + (5 + SMUGGLED_LENGTH) + "\r\n", "hello" + SMUGGLED),
                Violation.CONTENT_LENGTH_DIFFERS.reason),
            bad("CL list, differing: RFC 9110 §8.6", post("Content-Length: 5, 40\r\n", "hello"), Violation.CONTENT_LENGTH_DIFFERS.reason),
            bad("CL empty beside a valid one: RFC 9110 §8.6; CVE-2022-31081 (HTTP::Daemon); HAProxy 'reject any empty content-length'",
                post("Content-Length:\r\nContent-Length: 5\r\n", "hello"), badCl),
            bad("CL with an empty list element: RFC 9110 §8.6; CVE-2022-31081 (HTTP::Daemon)",
                post("Content-Length: 5,\r\n", "hello"), badCl),
            bad("CL[SP]: §5.1; CVE-2019-16869 (Netty)", post("Content-Length : 5\r\n", "hello"), nameWs),
            bad("CL behind a bare LF: §2.2; CVE-2019-16785 (Waitress)",
                post("Content-Length: 40\r\nX: x\nContent-Length: 0\r\n", ""), Violation.CONTENT_LENGTH_DIFFERS.reason),
            bad("CL over the route's limit, content unread: RFC 9110 §15.5.14; RFC 9112 §9.6 close",
                post("Content-Length: 2000\r\n", SMUGGLED), 413, Violation.BODY_TOO_LARGE.reason),
            good("CL twice, identical, is one value: RFC 9110 §8.6", post("Content-Length: 5\r\nContent-Length: 5\r\n", "hello"), "read 5 host a"),
            // ---- chunked framing: RFC 9112 §7.1 ----
            bad("chunk size 0x5: §7.1; CVE-2022-24761 (Waitress), CVE-2023-38697", post(te, "0x5\r\nhello\r\n0\r\n\r\n"), ext),
            bad("chunk size +5: §7.1; CVE-2023-38697", post(te, "+5\r\nhello\r\n0\r\n\r\n"), size),
            bad("chunk size -5: §7.1", post(te, "-5\r\nhello\r\n0\r\n\r\n"), size),
            bad("chunk size [SP]5: §7.1", post(te, " 5\r\nhello\r\n0\r\n\r\n"), size),
            bad("chunk size 5[SP]: §7.1", post(te, "5 \r\nhello\r\n0\r\n\r\n"), ext),
            bad("chunk size 5[SP];x (BWS refused, stricter than §7.1.1)", post(te, "5 ;x\r\nhello\r\n0\r\n\r\n"), ext),
            bad("chunk size of 17 hex digits: §7.1 overflow guard", post(te, "00000000000000005\r\nhello\r\n0\r\n\r\n"), Violation.CHUNK_SIZE_TOO_LARGE.reason),
            bad("chunk size 2^64-1: §7.1 overflow guard", post(te, "ffffffffffffffff\r\nhello\r\n0\r\n\r\n"), Violation.CHUNK_SIZE_TOO_LARGE.reason),
            bad("bare LF after a chunk size: §7.1; CVE-2025-22871 (Go net/http)", post(te, "5\nhello\r\n0\r\n\r\n"), ext),
            bad("bare LF ending a chunk extension: §7.1.1; CVE-2025-55315 (Kestrel)", post(te, "5;x\nhello\r\n0\r\n\r\n"), ext),
            bad("CTL in a chunk extension: §7.1.1; CVE-2022-24761 (Waitress)", post(te, "5;a=\u0001\r\nhello\r\n0\r\n\r\n"), ext),
            bad("bare CR in a chunk extension: §7.1.1", post(te, "5;a\rb\r\nhello\r\n0\r\n\r\n"), Violation.CHUNK_SIZE_LINE_END.reason),
            bad("chunk data longer than its size: §7.1; CVE-2025-43859 (h11)", post(te, "5\r\nhelloXX\r\n0\r\n\r\n"), afterData),
            bad("bare LF after chunk data: §7.1", post(te, "5\r\nhello\n0\r\n\r\n"), afterData),
            bad("last chunk and trailer ended by bare LFs: §7.1", post(te, "0\n\n"), ext),
            bad("a request line in the trailer section: §7.1.2 (trailer lines are field lines)", post(te, "0\r\n" + SMUGGLED),
                Violation.TRAILER_MALFORMED.reason),
            bad("a trailer field ended by a bare LF: §7.1.2", post(te, "0\r\nX: a\n\r\n"), Violation.TRAILER_CONTROL.reason),
            good("trailer Content-Length, Host, Transfer-Encoding are discarded: RFC 9110 §6.5.1, §6.5.2; §7.1.2",
                post(te, "5\r\nhello\r\n0\r\nContent-Length: 50\r\nHost: evil\r\n" + te + "\r\n"), "read 5 host a"),
            // ---- content where none is usual ----
            good("CL.0, GET with content read by its handler: §6.3 item 6; PortSwigger 'Browser-Powered Desync Attacks' (2022)",
                get("/read", "Content-Length: " + SMUGGLED_LENGTH + "\r\n", SMUGGLED), "read " + SMUGGLED_LENGTH + " host a"),
            good("CL.0, GET with content its handler ignores (drained): PortSwigger 2022",
                get("/ignore", "Content-Length: " + SMUGGLED_LENGTH + "\r\n", SMUGGLED), "ignored"),
            argumentSet("CL.0, GET with content to a path without a route: PortSwigger 2022",
                get("/nowhere", "Content-Length: " + SMUGGLED_LENGTH + "\r\n", SMUGGLED), error(404, "no route for this path", "")),
            argumentSet("Expect: 100-continue, content never read: closed, not parsed (RFC 9110 §10.1.1)",
                "POST /ignore HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: " + SMUGGLED_LENGTH + "\r\n\r\n"
                    + SMUGGLED, text("HTTP/1.1 200 OK", CLOSE, "ignored")),
            good("a bare-LF head frames its content as CRLF would: §2.2",
                "GET /read HTTP/1.1\nHost: a\nContent-Length: " + SMUGGLED_LENGTH + "\n\n" + SMUGGLED, "read " + SMUGGLED_LENGTH + " host a"));
    }

    @ParameterizedTest
    @MethodSource("attacks")
    void inMemory(String attack, String first) throws Exception {
        for (Wire wire : List.of(Wire.MEMORY, Wire.ONE_BYTE_READS)) {
            calls.clear();
            t.accessLog.clear();
            String sent = wire.exchange(t.ctx, attack + SECOND);
            assertEquals(first + (first.contains(CLOSE) ? "" : SECOND_OK), sent, wire.name());
            assertOnlySecondMayFollow(first);
        }
    }

    @ParameterizedTest
    @MethodSource("attacks")
    void overASocketKeptOpen(String attack, String first) throws Exception {
        try (TestServer server = TestServer.start(t.ctx); RawClient client = server.connect()) {
            client.send(attack + SECOND); // one write, and no half-close: only the server may end it
            assertEquals(first, normalize(client.readResponse()));
            if (first.contains(CLOSE)) {
                assertTrue(client.serverClosed(), "the server closed the connection");
            } else {
                assertEquals(SECOND_OK, normalize(client.readResponse()));
                client.shutdownOutput();
                assertEquals("", client.readToEnd(), "nothing after /second");
            }
        }
        assertOnlySecondMayFollow(first);
    }

    /** /smuggled never ran; /second ran (and was logged) only after a response that persisted. */
    private void assertOnlySecondMayFollow(String first) throws InterruptedException {
        boolean closed = first.contains(CLOSE);
        List<String> logged = new ArrayList<>();
        for (int i = closed ? 1 : 2; i > 0; i--) {
            AccessRecord r = t.nextRecord();
            logged.add(r.target() + " " + r.status());
        }
        assertEquals(List.of(), t.records(), "records after " + logged);
        assertEquals(first.substring(9, 12), logged.getFirst().substring(logged.getFirst().length() - 3));
        assertEquals(closed ? List.of() : List.of("/second 200"), logged.subList(1, logged.size()));
        assertEquals(closed ? 0 : 1, count("/second"), "/second handled");
        assertEquals(0, count("/smuggled"), "/smuggled handled");
    }

    private int count(String route) {
        AtomicInteger n = calls.get(route);
        return n == null ? 0 : n.get();
    }

    private static String post(String fields, String content) {
        return "POST /read HTTP/1.1\r\nHost: a\r\n" + fields + "\r\n" + content;
    }

    private static String get(String path, String fields, String content) {
        return "GET " + path + " HTTP/1.1\r\nHost: a\r\n" + fields + "\r\n" + content;
    }

    private static Arguments bad(String name, String attack, String why) {
        return bad(name, attack, 400, why);
    }

    private static Arguments bad(String name, String attack, int status, String why) {
        return argumentSet(name, attack, error(status, why, CLOSE));
    }

    private static Arguments good(String name, String attack, String body) {
        return argumentSet(name, attack, text("HTTP/1.1 200 OK", "", body));
    }
}
