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
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The client and the scheme behind trusted proxies: trusted 127.0.0.1/32 and 10.0.0.0/8. Each
 * row: the peer, the header lines (separated by {@code |}), the client or scheme the request
 * sees.
 */
class ForwardedClientTest {
    private static final List<AddressBlock> TRUSTED =
            List.of(AddressBlock.parse("127.0.0.1/32"), AddressBlock.parse("10.0.0.0/8"));

    @ParameterizedTest(name = "[{index}] from {0}: {1} -> {2}")
    @CsvSource(delimiter = ';', textBlock = """
        # from an untrusted peer the header changes nothing (spoofing)
        192.0.2.9  ; 203.0.113.5                       ; 192.0.2.9:40000
        # a trusted peer: the right-most untrusted entry
        127.0.0.1  ; 203.0.113.5                       ; 203.0.113.5:0
        127.0.0.1  ; 198.51.100.1, 203.0.113.5         ; 203.0.113.5:0
        127.0.0.1  ; 198.51.100.1, 203.0.113.5, 10.1.1.1 ; 203.0.113.5:0
        # the client prepended a lie: it is left of the first untrusted entry, never reached
        127.0.0.1  ; 1.1.1.1, 203.0.113.5              ; 203.0.113.5:0
        # every entry trusted: the left-most
        127.0.0.1  ; 10.0.0.2, 10.0.0.3                ; 10.0.0.2:0
        # several header lines are one list (RFC 9110 §5.3)
        127.0.0.1  ; 198.51.100.1|203.0.113.5, 10.0.0.3 ; 203.0.113.5:0
        # garbage ends the walk at the last address before it
        127.0.0.1  ; 203.0.113.5, unknown              ; 127.0.0.1:40000
        127.0.0.1  ; 203.0.113.5, unknown, 10.0.0.3    ; 10.0.0.3:0
        127.0.0.1  ; garbage, 10.0.0.3                 ; 10.0.0.3:0
        127.0.0.1  ; ''                                ; 127.0.0.1:40000
        127.0.0.1  ; 203.0.113.5,,10.0.0.3             ; 10.0.0.3:0
        127.0.0.1  ; 203.0.113                         ; 127.0.0.1:40000
        127.0.0.1  ; 203.0.113.5:99999                 ; 127.0.0.1:40000
        # forms with ports and IPv6
        127.0.0.1  ; 203.0.113.5:4711                  ; 203.0.113.5:4711
        127.0.0.1  ; 2001:db8::7                       ; [2001:db8:0:0:0:0:0:7]:0
        127.0.0.1  ; [2001:db8::7]:4711                ; [2001:db8:0:0:0:0:0:7]:4711
        127.0.0.1  ; fe80::1%eth0                      ; 127.0.0.1:40000
        # a dual-stack socket's IPv4-mapped peer is trusted as the IPv4 address
        ::ffff:127.0.0.1 ; 203.0.113.5                 ; 203.0.113.5:0
        # no header
        127.0.0.1  ; -                                 ; 127.0.0.1:40000
        """)
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

    /**
     * The scheme (RFC 9110 §4.2) behind trusted proxies, on a plain connection: X-Forwarded-Proto
     * beside X-Forwarded-For. Each row: the peer, the X-Forwarded-For lines, the
     * X-Forwarded-Proto lines ({@code |} between lines, {@code -} for none), the scheme seen.
     */
    @ParameterizedTest(name = "[{index}] from {0}: XFF {1}, XFP {2} -> {3}")
    @CsvSource(delimiter = ';', value = {
        // from an untrusted peer the header changes nothing (spoofing)
        "192.0.2.9 ; 203.0.113.5               ; https            ; http",
        "127.0.0.1 ; 203.0.113.5               ; https            ; https",
        "127.0.0.1 ; 203.0.113.5               ; HTTPS            ; https",
        "127.0.0.1 ; 203.0.113.5               ; http             ; http",
        "127.0.0.1 ; -                         ; https            ; https",
        "127.0.0.1 ; 203.0.113.5               ; -                ; http",
        // garbage is ignored: the connection's own scheme
        "127.0.0.1 ; 203.0.113.5               ; ftp              ; http",
        "127.0.0.1 ; 203.0.113.5               ; 'https '         ; https",
        "127.0.0.1 ; 203.0.113.5               ; https x          ; http",
        "127.0.0.1 ; 203.0.113.5               ; ''               ; http",
        // one value set by the last proxy, whatever the length of X-Forwarded-For
        "127.0.0.1 ; 203.0.113.5, 10.0.0.2     ; https            ; https",
        // several: the one beside the entry that named the client, counted from the right
        "127.0.0.1 ; 203.0.113.5, 10.0.0.2     ; https, http      ; https",
        "127.0.0.1 ; 203.0.113.5, 10.0.0.2     ; http, https      ; http",
        "127.0.0.1 ; 1.1.1.1, 203.0.113.5      ; ftp, https       ; https",
        "127.0.0.1 ; 203.0.113.5, 10.0.0.2     ; https|http       ; https",
        "127.0.0.1 ; 203.0.113.5, 10.0.0.2     ; x, https, http   ; https",
        // the lists do not line up: ignored
        "127.0.0.1 ; 203.0.113.5, 10.0.0.2, 10.0.0.3 ; https, http ; http",
        // garbage ended the walk at the peer: the right-most
        "127.0.0.1 ; 203.0.113.5, unknown      ; http, https      ; https",
    })
    void xForwardedProto(String peer, String xff, String xfp, String scheme) {
        assertEquals(scheme, resolved(false, peer, false,
                fields("X-Forwarded-For", xff, "X-Forwarded-Proto", xfp)).scheme());
    }

    @ParameterizedTest(name = "[{index}] from {0}: {1} -> {2}")
    @CsvSource(delimiter = '#', value = {
        "192.0.2.9 # for=203.0.113.5;proto=https # http",
        "127.0.0.1 # for=203.0.113.5;proto=https # https",
        "127.0.0.1 # for=203.0.113.5;Proto=\"HTTPS\" # https",
        "127.0.0.1 # proto=https # https",
        "127.0.0.1 # for=203.0.113.5;proto=gopher # http",
        "127.0.0.1 # for=203.0.113.5;proto=https, for=10.0.0.2;proto=http # https",
        "127.0.0.1 # for=203.0.113.5;proto=https|for=10.0.0.2;proto=http # https",
        "127.0.0.1 # for=1.1.1.1;proto=http, for=203.0.113.5;proto=https # https",
        "127.0.0.1 # for=203.0.113.5, for=10.0.0.2;proto=https # http",
        "127.0.0.1 # for=203.0.113.5 # http",
    })
    void forwardedProto(String peer, String lines, String scheme) {
        assertEquals(scheme, resolved(true, peer, false, fields("Forwarded", lines)).scheme());
    }

    /** A trusted proxy that speaks TLS to us may say its client came over plain HTTP. */
    @ParameterizedTest(name = "over TLS from {0}: XFP {1} -> {2}")
    @CsvSource({"127.0.0.1, http, http", "127.0.0.1, -, https", "192.0.2.9, http, https",
            "127.0.0.1, garbage, https"})
    void overTls(String peer, String xfp, String scheme) {
        assertEquals(scheme, resolved(false, peer, true, fields("X-Forwarded-Proto", xfp))
                .scheme());
    }

    @ParameterizedTest(name = "only the configured header is read: {0}")
    @CsvSource({"true, X-Forwarded-Proto, https", "false, Forwarded, proto=https"})
    void theOtherSchemeHeaderIsIgnored(boolean rfc7239, String header, String value) {
        assertEquals("http", resolved(rfc7239, "127.0.0.1", false, fields(header, value))
                .scheme());
    }

    /** Name and lines pairs ({@code |} between lines, {@code -} for none) as header fields. */
    private static Headers fields(String... namesAndLines) {
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < namesAndLines.length; i += 2) {
            if (!namesAndLines[i + 1].equals("-")) {
                for (String line : namesAndLines[i + 1].split("\\|", -1)) {
                    fields.add(namesAndLines[i]);
                    fields.add(line.strip());
                }
            }
        }
        return Headers.of(fields.toArray(String[]::new));
    }

    private static ConnectionInfo resolved(boolean rfc7239, String peer, boolean tls,
                                           Headers headers) {
        InetSocketAddress remote = new InetSocketAddress(InetAddress.ofLiteral(peer), 40000);
        ConnectionInfo info = tls ? new ConnectionInfo(remote, Optional.of(
                new ConnectionInfo.Tls("TLSv1.3", "TLS_AES_128_GCM_SHA256", Optional.empty(),
                        Optional.empty(), Optional.empty()))) : ConnectionInfo.plain(remote);
        ConnectionInfo seen = new ForwardedClient(TRUSTED, rfc7239).resolve(info, headers);
        assertEquals(info.remote(), seen.remote(), "the peer stays");
        assertEquals(info.tls(), seen.tls(), "the TLS session stays");
        return seen;
    }

    private static String resolve(boolean rfc7239, String name, String peer, String lines) {
        return HttpServer.format(resolved(rfc7239, peer, false, fields(name, lines)).client());
    }
}
