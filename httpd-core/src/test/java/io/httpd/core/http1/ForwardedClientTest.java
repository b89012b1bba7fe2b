package io.httpd.core.http1;

import io.httpd.api.ConnectionInfo;
import io.httpd.api.Headers;
import io.httpd.api.AddressBlock;
import io.httpd.core.server.HttpServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The client behind trusted proxies: trusted 127.0.0.1/32 and 10.0.0.0/8. Each row: the peer,
 * the header lines (separated by {@code |}), the client the request sees.
 */
class ForwardedClientTest {
    private static final List<AddressBlock> TRUSTED =
            List.of(AddressBlock.parse("127.0.0.1/32"), AddressBlock.parse("10.0.0.0/8"));

    @ParameterizedTest(name = "[{index}] from {0}: {1} -> {2}")
    @CsvSource(delimiter = ';', value = {
        // from an untrusted peer the header changes nothing (spoofing)
        "192.0.2.9  ; 203.0.113.5                       ; 192.0.2.9:40000",
        // a trusted peer: the right-most untrusted entry
        "127.0.0.1  ; 203.0.113.5                       ; 203.0.113.5:0",
        "127.0.0.1  ; 198.51.100.1, 203.0.113.5         ; 203.0.113.5:0",
        "127.0.0.1  ; 198.51.100.1, 203.0.113.5, 10.1.1.1 ; 203.0.113.5:0",
        // the client prepended a lie: it is left of the first untrusted entry, never reached
        "127.0.0.1  ; 1.1.1.1, 203.0.113.5              ; 203.0.113.5:0",
        // every entry trusted: the left-most
        "127.0.0.1  ; 10.0.0.2, 10.0.0.3                ; 10.0.0.2:0",
        // several header lines are one list (RFC 9110 §5.3)
        "127.0.0.1  ; 198.51.100.1|203.0.113.5, 10.0.0.3 ; 203.0.113.5:0",
        // garbage ends the walk at the last address before it
        "127.0.0.1  ; 203.0.113.5, unknown              ; 127.0.0.1:40000",
        "127.0.0.1  ; 203.0.113.5, unknown, 10.0.0.3    ; 10.0.0.3:0",
        "127.0.0.1  ; garbage, 10.0.0.3                 ; 10.0.0.3:0",
        "127.0.0.1  ; ''                                ; 127.0.0.1:40000",
        "127.0.0.1  ; 203.0.113.5,,10.0.0.3             ; 10.0.0.3:0",
        "127.0.0.1  ; 203.0.113                         ; 127.0.0.1:40000",
        "127.0.0.1  ; 203.0.113.5:99999                 ; 127.0.0.1:40000",
        // forms with ports and IPv6
        "127.0.0.1  ; 203.0.113.5:4711                  ; 203.0.113.5:4711",
        "127.0.0.1  ; 2001:db8::7                       ; [2001:db8:0:0:0:0:0:7]:0",
        "127.0.0.1  ; [2001:db8::7]:4711                ; [2001:db8:0:0:0:0:0:7]:4711",
        "127.0.0.1  ; fe80::1%eth0                      ; 127.0.0.1:40000",
        // a dual-stack socket's IPv4-mapped peer is trusted as the IPv4 address
        "::ffff:127.0.0.1 ; 203.0.113.5                 ; 203.0.113.5:0",
        // no header
        "127.0.0.1  ; -                                 ; 127.0.0.1:40000",
    })
    void xForwardedFor(String peer, String lines, String client) {
        assertEquals(client, resolve(false, "X-Forwarded-For", peer, lines));
    }

    @ParameterizedTest(name = "[{index}] from {0}: {1} -> {2}")
    @CsvSource(delimiter = '#', value = {
        "192.0.2.9 # for=203.0.113.5 # 192.0.2.9:40000",
        "127.0.0.1 # for=203.0.113.5;proto=https;by=10.0.0.1 # 203.0.113.5:0",
        "127.0.0.1 # For=\"203.0.113.5:4711\" # 203.0.113.5:4711",
        "127.0.0.1 # for=\"[2001:db8:cafe::17]:4711\" # [2001:db8:cafe:0:0:0:0:17]:4711",
        "127.0.0.1 # for=198.51.100.1, for=203.0.113.5, for=10.0.0.2 # 203.0.113.5:0",
        "127.0.0.1 # for=203.0.113.5, for=_hidden # 127.0.0.1:40000",
        "127.0.0.1 # for=unknown # 127.0.0.1:40000",
        "127.0.0.1 # proto=https # 127.0.0.1:40000",
    })
    void forwarded(String peer, String lines, String client) {
        assertEquals(client, resolve(true, "Forwarded", peer, lines));
    }

    @ParameterizedTest(name = "only the configured header is read: {0}")
    @CsvSource({"true, X-Forwarded-For", "false, Forwarded"})
    void theOtherHeaderIsIgnored(boolean rfc7239, String header) {
        String value = header.equals("Forwarded") ? "for=203.0.113.5" : "203.0.113.5";
        assertEquals("127.0.0.1:40000", resolve(rfc7239, header, "127.0.0.1", value));
    }

    private static String resolve(boolean rfc7239, String name, String peer, String lines) {
        List<String> fields = new ArrayList<>();
        if (!lines.equals("-")) {
            for (String line : lines.split("\\|", -1)) {
                fields.add(name);
                fields.add(line.strip());
            }
        }
        ConnectionInfo info = ConnectionInfo.plain(
                new InetSocketAddress(InetAddress.ofLiteral(peer), 40000));
        ConnectionInfo seen = new ForwardedClient(TRUSTED, rfc7239)
                .resolve(info, Headers.of(fields.toArray(String[]::new)));
        assertEquals(info.remote(), seen.remote(), "the peer stays");
        return HttpServer.format(seen.client());
    }
}
