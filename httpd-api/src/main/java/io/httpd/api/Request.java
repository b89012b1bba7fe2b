package io.httpd.api;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

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

    /**
     * {@code "https"} when the request arrived over TLS, else {@code "http"}; behind a trusted
     * proxy, the scheme its {@code X-Forwarded-Proto} (or {@code Forwarded: proto=}) named
     * (see {@link ConnectionInfo#scheme()}).
     */
    public String scheme() {
        return connection.scheme();
    }

    /** The first value of a header field, if present. */
    public Optional<String> header(String name) {
        return headers.first(name);
    }

    /**
     * The query's name-value pairs, decoded once as a form query is ({@link Parameters#parse}):
     * for {@code /hello?name=Ada+L&tag=a&tag=b}, {@code first("name")} is {@code "Ada L"} and
     * {@code all("tag")} is {@code [a, b]}.
     */
    public Parameters queryParameters() {
        return query.isEmpty() ? Parameters.EMPTY : Parameters.parse(query);
    }

    /**
     * The part of the path after the path of the route that matched: for the prefix route
     * {@code /files/} and the path {@code /files/a/b.txt}, {@code "a/b.txt"}; {@code ""} for an
     * exact route, and the whole path before routing. Decoded like {@link #path()}; match it
     * against a {@link PathPattern} to name its segments.
     */
    public String remainingPath() {
        return path.startsWith(route) ? path.substring(route.length()) : "";
    }

    /**
     * The length of the content from {@code Content-Length} (RFC 9110 §8.6), or empty when the
     * request has none or is chunked (RFC 9112 §6.3: Transfer-Encoding overrides it). The server
     * has already refused a request whose length is malformed or disagrees with itself.
     */
    public OptionalLong contentLength() {
        if (headers.contains("Transfer-Encoding")) {
            return OptionalLong.empty();
        }
        Optional<String> value = headers.first("Content-Length");
        if (value.isEmpty()) {
            return OptionalLong.empty();
        }
        String digits = value.get().split(",", 2)[0].strip(); // "5, 5" was checked to agree
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(Token::isDigit)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(digits));
    }

    /** The cookies sent in {@code Cookie} fields (RFC 6265 §4.2), see {@link Cookies}. */
    public Parameters cookies() {
        return Cookies.of(headers);
    }
}
