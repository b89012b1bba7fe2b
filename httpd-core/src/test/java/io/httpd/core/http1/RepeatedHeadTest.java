package io.httpd.core.http1;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A keep-alive connection's next head (RFC 9112 §9.3) parses to exactly what it says, however
 * like the previous one it is. The very same bytes again are the same head (kept whole);
 * otherwise the parser reuses the previous head's target, fields and
 * headers only for lines that are the same byte for byte, so a changed byte anywhere (a value,
 * the case of a name, the spacing, an obs-text byte, the order or the number of fields) shows.
 */
class RepeatedHeadTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        the same head                 | GET /a HTTP/1.1;Host: a;X: b  | GET /a HTTP/1.1;Host: a;X: b
        a value of the same length    | GET /a HTTP/1.1;Host: a;X: b  | GET /a HTTP/1.1;Host: a;X: c
        a name in another case        | GET /a HTTP/1.1;Host: a       | GET /a HTTP/1.1;host: a
        no space after the colon      | GET /a HTTP/1.1;Host: a       | GET /a HTTP/1.1;Host:a
        more spaces after the colon   | GET /a HTTP/1.1;Host: a       | GET /a HTTP/1.1;Host:  a
        trailing whitespace           | GET /a HTTP/1.1;Host: a       | GET /a HTTP/1.1;Host: a\t
        an obs-text byte              | GET /a HTTP/1.1;Host: a;X: é  | GET /a HTTP/1.1;Host: a;X: è
        one field more                | GET /a HTTP/1.1;Host: a       | GET /a HTTP/1.1;Host: a;X: b
        one field fewer               | GET /a HTTP/1.1;Host: a;X: b  | GET /a HTTP/1.1;Host: a
        the fields swapped            | GET /a HTTP/1.1;Host: a;X: b  | GET /a HTTP/1.1;X: b;Host: a
        a target of the same length   | GET /a HTTP/1.1;Host: a       | GET /b HTTP/1.1;Host: a
        another method                | GET /a HTTP/1.1;Host: a       | PUT /a HTTP/1.1;Host: a
        """)
    void theNextHeadParsesAsOnAFreshConnection(String name, String first, String second)
            throws IOException {
        RequestParser.RawHead again = secondOf(head(first), head(second));
        RequestParser.RawHead fresh = parser(head(second)).read();
        assertEquals(fresh, again);
    }

    @Test
    void aLineLikeTheOneBeforeButForItsColonIsStillRefused() throws IOException {
        RequestParser parser = parser(head("GET /a HTTP/1.1;Host: a;X: b")
                + head("GET /a HTTP/1.1;Host: a;X? b"));
        parser.read();
        assertEquals(400, assertThrows(HttpException.class, parser::read).status().code());
    }

    @Test
    void theSameHeadAgainAllocatesNoTargetNorHeaders() throws IOException {
        String head = head("GET /index.html HTTP/1.1;Host: example.com;Accept: */*");
        RequestParser parser = parser(head + head);
        RequestParser.RawHead first = parser.read();
        RequestParser.RawHead second = parser.read();
        assertSame(first.target(), second.target());
        assertSame(first.headers(), second.headers());
        RequestParser.RawHead other = secondOf(head, head.replace("*/*", "*/x"));
        assertEquals("*/x", other.headers().first("Accept").orElseThrow());
    }

    @Test
    void theSameBytesAgainAreTheSameHeadAndTheBytesAfterItStayUnread() throws IOException {
        String head = head("GET /index.html HTTP/1.1;Host: example.com;Accept: */*");
        WireReader in = reader(head + head + "rest");
        RequestParser parser = new RequestParser(in, 8192, 16384, 100);
        RequestParser.RawHead first = parser.read();
        assertSame(first, parser.read()); // the head as a whole is kept, not parsed again
        assertEquals("rest".length(), in.buffered());
        assertEquals(first, parser(head).read());
    }

    /** Bytes unlike the kept head's, if only by one, parse to what they say. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        an empty line before it (RFC 9112 §2.2) | ;GET /a HTTP/1.1;Host: a
        one byte more in a value                | GET /a HTTP/1.1;Host: ab
        one byte fewer                          | GET /a HTTP/1.1;Host:
        another method                          | PUT /a HTTP/1.1;Host: a
        a field more                            | GET /a HTTP/1.1;Host: a;X: b
        """)
    void bytesUnlikeTheHeadBeforeAreParsedAnew(String name, String second) throws IOException {
        String first = head("GET /a HTTP/1.1;Host: a");
        RequestParser parser = parser(first + head(second));
        RequestParser.RawHead kept = parser.read();
        RequestParser.RawHead next = parser.read();
        assertEquals(parser(head(second)).read(), next);
        assertEquals(second.startsWith(";"), kept.equals(next)); // only the empty line is ignored
    }

    @Test
    void bareLineFeedsAreNotTheSameBytesButTheSameHead() throws IOException {
        String crlf = head("GET /a HTTP/1.1;Host: a");
        assertParsedAgainToAnEqualHead(crlf, crlf.replace("\r\n", "\n")); // RFC 9112 §2.2
    }

    @Test
    void aHeadLongerThanWhatIsKeptIsParsedEachTime() throws IOException {
        String head = head("GET /a HTTP/1.1;Host: a;X: " + "v".repeat(RequestParser.REPEAT_BYTES));
        assertParsedAgainToAnEqualHead(head, head);
    }

    private static void assertParsedAgainToAnEqualHead(String first, String second)
            throws IOException {
        RequestParser parser = parser(first + second);
        RequestParser.RawHead kept = parser.read();
        RequestParser.RawHead again = parser.read();
        assertEquals(kept, again);
        assertNotSame(kept, again);
    }

    @Test
    void aHeadThatCameInPiecesIsNotKeptButParsesTheSame() throws IOException {
        String head = head("GET /a HTTP/1.1;Host: a");
        WireReader in = new WireReader(MemoryTransport.oneBytePerRead(
                (head + head + head).getBytes(StandardCharsets.ISO_8859_1)), 16 * 1024,
                new TrafficCounters());
        RequestParser parser = new RequestParser(in, 8192, 16384, 100);
        RequestParser.RawHead first = parser.read();
        assertEquals(first, parser.read());
        assertEquals(first, parser.read());
        assertEquals(0, in.buffered());
    }

    private static WireReader reader(String bytes) throws IOException {
        return new WireReader(MemoryTransport.of(bytes.getBytes(StandardCharsets.ISO_8859_1)),
                16 * 1024, new TrafficCounters());
    }

    /** The second of two heads read on one connection. */
    private static RequestParser.RawHead secondOf(String first, String second)
            throws IOException {
        RequestParser parser = parser(first + second);
        parser.read();
        return parser.read();
    }

    private static String head(String lines) {
        return lines.replace(";", "\r\n").replace("\\t", "\t") + "\r\n\r\n";
    }

    private static RequestParser parser(String bytes) throws IOException {
        WireReader in = new WireReader(MemoryTransport.of(bytes.getBytes(StandardCharsets.ISO_8859_1)),
                16 * 1024, new TrafficCounters());
        return new RequestParser(in, 8192, 16384, 100);
    }
}
