package io.httpd.api;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * One exchange, as an access-log sink receives it. Every exchange that produced a status line
 * yields one record, the server's own rejections included.
 *
 * @param timestamp the time the request head was complete (ms precision, server time zone)
 * @param client    the client's address and port
 * @param method    the method token, or {@code "-"} when the request line could not be read
 * @param target    the request-target as received, or {@code "-"} when unreadable
 * @param protocol  {@code "HTTP/1.1"}, {@code "HTTP/1.0"}, or {@code "-"} when unreadable
 * @param status    the status code sent
 * @param bytes     the content bytes handed to the connection's socket (the head and chunk
 *                  framing not counted), as nginx's {@code $body_bytes_sent}: the whole
 *                  content for a complete response, what got out before the failure for an
 *                  aborted one
 * @param duration  from the complete request head to the last byte sent
 * @param referer   the Referer field, or {@code null} when absent
 * @param userAgent the User-Agent field, or {@code null} when absent
 * @param route     the path of the route that answered, or {@code null} for none
 * @param requestId an id unique within this server process
 * @param connection the connection the exchange took place on (scheme, TLS session)
 * @param aborted   the response could not be sent whole: the connection failed, the handler's
 *                  writer threw, the request content broke its limit while the response was
 *                  being written, or a file shrank while it was sent. The connection was closed
 *                  and the status is the one whose head was (or was to be) sent. Apache's
 *                  {@code %X} shows {@code X} for such an exchange, nginx's
 *                  {@code $request_completion} an empty string.
 * @param validator the id of the request validator ({@code [[validator]] id}) that refused the
 *                  request, or {@code null} when none did (a validator that threw is named
 *                  too: its refusal is the 500)
 */
public record AccessRecord(ZonedDateTime timestamp, InetSocketAddress client, String method,
                           String target, String protocol, int status, long bytes,
                           Duration duration, String referer, String userAgent, String route,
                           String requestId, ConnectionInfo connection, boolean aborted,
                           String validator) {
    public AccessRecord {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(connection, "connection");
    }

    /** A record of an exchange no validator refused ({@code validator} null). */
    public AccessRecord(ZonedDateTime timestamp, InetSocketAddress client, String method,
                        String target, String protocol, int status, long bytes,
                        Duration duration, String referer, String userAgent, String route,
                        String requestId, ConnectionInfo connection, boolean aborted) {
        this(timestamp, client, method, target, protocol, status, bytes, duration, referer,
                userAgent, route, requestId, connection, aborted, null);
    }

    /**
     * A record of an exchange over plain HTTP, the connection's peer being the client, whose
     * response was sent whole.
     */
    public AccessRecord(ZonedDateTime timestamp, InetSocketAddress client, String method,
                        String target, String protocol, int status, long bytes,
                        Duration duration, String referer, String userAgent, String route,
                        String requestId) {
        this(timestamp, client, method, target, protocol, status, bytes, duration, referer,
                userAgent, route, requestId, ConnectionInfo.plain(client), false);
    }

    /** A record of an exchange whose response was sent whole ({@code aborted} false). */
    public AccessRecord(ZonedDateTime timestamp, InetSocketAddress client, String method,
                        String target, String protocol, int status, long bytes,
                        Duration duration, String referer, String userAgent, String route,
                        String requestId, ConnectionInfo connection) {
        this(timestamp, client, method, target, protocol, status, bytes, duration, referer,
                userAgent, route, requestId, connection, false);
    }

    /** A record of an exchange over plain HTTP, the connection's peer being the client. */
    public AccessRecord(ZonedDateTime timestamp, InetSocketAddress client, String method,
                        String target, String protocol, int status, long bytes,
                        Duration duration, String referer, String userAgent, String route,
                        String requestId, boolean aborted) {
        this(timestamp, client, method, target, protocol, status, bytes, duration, referer,
                userAgent, route, requestId, ConnectionInfo.plain(client), aborted);
    }
}
