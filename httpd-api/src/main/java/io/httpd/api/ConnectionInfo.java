package io.httpd.api;

import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * The connection a request arrived on: one record for everything about the connection rather
 * than the request, so that it can grow (the client's address behind a proxy, say) without
 * changing {@link Request}. Immutable; the same for every request on one connection, but for
 * the client and the scheme, which a trusted proxy's {@code X-Forwarded-For} and
 * {@code X-Forwarded-Proto} (or {@code Forwarded}) may name per request.
 *
 * @param remote the peer's address and port, as the TCP connection has it
 * @param client the original client's address and port: the address a PROXY protocol header
 *               named, or the right-most untrusted {@code X-Forwarded-For} entry when the peer
 *               is a trusted proxy (port 0 when the header gave none); else the peer itself
 * @param tls    the TLS session, or empty for plain HTTP
 * @param scheme {@code "https"} or {@code "http"} (RFC 9110 §4.2): the scheme the original
 *               client used, as a trusted proxy's {@code X-Forwarded-Proto} or
 *               {@code Forwarded: proto=} said; else {@code "https"} over TLS and {@code "http"}
 *               without
 */
public record ConnectionInfo(InetSocketAddress remote, InetSocketAddress client,
                             Optional<Tls> tls, String scheme) {
    public ConnectionInfo {
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(tls, "tls");
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("scheme must be \"http\" or \"https\": " + scheme);
        }
    }

    /** A connection whose scheme is its own: {@code "https"} over TLS, else {@code "http"}. */
    public ConnectionInfo(InetSocketAddress remote, InetSocketAddress client, Optional<Tls> tls) {
        this(remote, client, tls, tls != null && tls.isPresent() ? "https" : "http");
    }

    /** A connection whose peer is the client. */
    public ConnectionInfo(InetSocketAddress remote, Optional<Tls> tls) {
        this(remote, remote, tls);
    }

    /** A plain-HTTP connection from this peer. */
    public static ConnectionInfo plain(InetSocketAddress remote) {
        return new ConnectionInfo(remote, remote, Optional.empty());
    }

    /** A copy whose client is this address (the peer and the scheme are unchanged). */
    public ConnectionInfo withClient(InetSocketAddress originalClient) {
        return originalClient.equals(client) ? this
                : new ConnectionInfo(remote, originalClient, tls, scheme);
    }

    /** A copy whose scheme is this one, {@code "http"} or {@code "https"}. */
    public ConnectionInfo withScheme(String originalScheme) {
        return originalScheme.equals(scheme) ? this
                : new ConnectionInfo(remote, client, tls, originalScheme);
    }

    /**
     * What the TLS handshake settled.
     *
     * @param protocol            the TLS version, such as {@code "TLSv1.3"}
     * @param cipher              the cipher suite, such as {@code "TLS_AES_128_GCM_SHA256"}
     * @param serverName          the host name the client asked for (SNI), if it sent one
     * @param peerSubject         the subject of the client's certificate, if it sent one
     * @param applicationProtocol the ALPN protocol, such as {@code "http/1.1"}, if negotiated
     */
    public record Tls(String protocol, String cipher, Optional<String> serverName,
                      Optional<String> peerSubject, Optional<String> applicationProtocol) {
        public Tls {
            Objects.requireNonNull(protocol, "protocol");
            Objects.requireNonNull(cipher, "cipher");
            Objects.requireNonNull(serverName, "serverName");
            Objects.requireNonNull(peerSubject, "peerSubject");
            Objects.requireNonNull(applicationProtocol, "applicationProtocol");
        }
    }
}
