package io.httpd.api;

import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * The connection a request arrived on: one record for everything about the connection rather
 * than the request, so that it can grow (the client's address behind a proxy, say) without
 * changing {@link Request}. Immutable; the same for every request on one connection, but for
 * the client, which a trusted proxy's {@code X-Forwarded-For} may name per request.
 *
 * @param remote the peer's address and port, as the TCP connection has it
 * @param client the original client's address and port: the address a PROXY protocol header
 *               named, or the right-most untrusted {@code X-Forwarded-For} entry when the peer
 *               is a trusted proxy (port 0 when the header gave none); else the peer itself
 * @param tls    the TLS session, or empty for plain HTTP
 */
public record ConnectionInfo(InetSocketAddress remote, InetSocketAddress client,
                             Optional<Tls> tls) {
    public ConnectionInfo {
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(tls, "tls");
    }

    /** A connection whose peer is the client. */
    public ConnectionInfo(InetSocketAddress remote, Optional<Tls> tls) {
        this(remote, remote, tls);
    }

    /** A plain-HTTP connection from this peer. */
    public static ConnectionInfo plain(InetSocketAddress remote) {
        return new ConnectionInfo(remote, remote, Optional.empty());
    }

    /** A copy whose client is this address (the peer is unchanged). */
    public ConnectionInfo withClient(InetSocketAddress originalClient) {
        return originalClient.equals(client) ? this
                : new ConnectionInfo(remote, originalClient, tls);
    }

    /** {@code "https"} over TLS, else {@code "http"} (RFC 9110 §4.2). */
    public String scheme() {
        return tls.isPresent() ? "https" : "http";
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
