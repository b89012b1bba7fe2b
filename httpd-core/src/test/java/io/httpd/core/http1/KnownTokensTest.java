package io.httpd.core.http1;

import io.httpd.api.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * The methods, versions and field names (RFC 9110 §5.1, §9; RFC 9112 §2.3) that the parser
 * turns into String constants instead of new Strings: matched byte for byte; anything else,
 * a name in another case included, is a String of its own with the same characters.
 */
class KnownTokensTest {
    @ParameterizedTest
    @ValueSource(strings = {"GET", "HEAD", "HTTP/1.1", "HTTP/1.0", "Host", "host", "User-Agent",
        "Content-Length", "content-length", "Transfer-Encoding", "Upgrade-Insecure-Requests"})
    void aKnownTokenIsTheConstant(String token) {
        byte[] wire = ("x" + token + ":").getBytes(StandardCharsets.ISO_8859_1);
        String parsed = KnownTokens.of(wire, 1, 1 + token.length());
        assertEquals(token, parsed);
        assertSame(token.intern(), parsed, "allocated although known");
    }

    @ParameterizedTest
    @ValueSource(strings = {"HOST", "Hosts", "Hos", "X-Custom", "GETS", "HTTP/1.2", "get",
        "Content-Lengthy", "A-Very-Long-Field-Name-Beyond-Every-Known-One"})
    void anyOtherTokenIsItsOwnString(String token) {
        byte[] wire = token.getBytes(StandardCharsets.ISO_8859_1);
        String parsed = KnownTokens.of(wire, 0, wire.length);
        assertEquals(token, parsed);
        assertNotSame(token.intern(), parsed);
    }

    @Test
    void theParserGivesTheConstantsSoLookupsMatchByIdentity() throws Exception {
        byte[] head = "GET / HTTP/1.1\r\nHost: a\r\nX-Y: z\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
        WireReader in = new WireReader(MemoryTransport.of(head), 16 * 1024, new TrafficCounters());
        RequestParser.RawHead raw = new RequestParser(in, 8192, 16384, 100).read();
        assertSame("GET", raw.method());
        assertSame("HTTP/1.1", raw.version());
        Headers.Field host = raw.headers().fields().get(0);
        assertSame("Host", host.name());
        assertEquals("X-Y", raw.headers().fields().get(1).name());
    }
}
