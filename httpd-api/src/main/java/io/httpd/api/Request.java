package io.httpd.api;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * A request as the server parsed it. Everything but the body is immutable; the body is the one
 * documented exception: a stream that the handler may read once, on the thread that called it,
 * before it returns its response or from the {@link Response.Body.Streamed} writer of that
 * response (which runs on the same thread after {@code handle} returns).
 *
 * <p>The body stream delivers the decoded content (Content-Length or chunked framing removed),
 * ends at the end of the content, and throws {@link java.io.IOException} when the client sends
 * more than the route allows or goes away. A handler that does not read the body need do
 * nothing: the server drains or discards it. {@code Expect: 100-continue} is answered the
 * first time the handler reads.
 *
 * @param method  the request method
 * @param target  the request-target exactly as received, query included (RFC 9112 §3.2)
 * @param path    the path, percent-decoded once and with dot-segments removed; what routing uses
 * @param query   the query without its {@code ?}, still percent-encoded; empty when absent
 * @param version the protocol, {@code "HTTP/1.1"} or {@code "HTTP/1.0"}
 * @param headers the header fields in the order received
 * @param connection the connection it arrived on: the peer's and the client's address, TLS or not
 * @param route   the path of the route that matched, {@code ""} before routing
 * @param body    the request content; an empty stream when the request has none
 */
public record Request(Method method, String target, String path, String query, String version,
                      Headers headers, ConnectionInfo connection, String route,
                      InputStream body) {
    public Request {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(body, "body");
    }

    /** A request that arrived over plain HTTP from this peer. */
    public Request(Method method, String target, String path, String query, String version,
                   Headers headers, InetSocketAddress remote, String route, InputStream body) {
        this(method, target, path, query, version, headers, ConnectionInfo.plain(remote), route,
                body);
    }

    /** The connection's peer: the client itself, or a proxy in front of it. */
    public InetSocketAddress remote() {
        return connection.remote();
    }

    /**
     * The original client's address and port: the peer, unless a PROXY protocol header or a
     * trusted proxy's {@code X-Forwarded-For} named another (see {@link ConnectionInfo#client()}).
     */
    public InetSocketAddress client() {
        return connection.client();
    }

    /** {@code "https"} when the request arrived over TLS, else {@code "http"}. */
    public String scheme() {
        return connection.scheme();
    }

    /** The first value of a header field, if present. */
    public Optional<String> header(String name) {
        return headers.first(name);
    }

    /** A copy that records the route that matched it. */
    public Request withRoute(String matchedRoute) {
        return new Request(method, target, path, query, version, headers, connection,
                matchedRoute, body);
    }
}
