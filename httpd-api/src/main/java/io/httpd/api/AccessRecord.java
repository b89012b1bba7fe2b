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
 * @param bytes     the content bytes sent (head not counted)
 * @param duration  from the complete request head to the last byte sent
 * @param referer   the Referer field, or {@code null} when absent
 * @param userAgent the User-Agent field, or {@code null} when absent
 * @param route     the path of the route that answered, or {@code null} for none
 * @param requestId an id unique within this server process
 * @param connection the connection the exchange took place on (scheme, TLS session)
 */
public record AccessRecord(ZonedDateTime timestamp, InetSocketAddress client, String method,
                           String target, String protocol, int status, long bytes,
                           Duration duration, String referer, String userAgent, String route,
                           String requestId, ConnectionInfo connection) {
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

    /** A record of an exchange over plain HTTP, the connection's peer being the client. */
    public AccessRecord(ZonedDateTime timestamp, InetSocketAddress client, String method,
                        String target, String protocol, int status, long bytes,
                        Duration duration, String referer, String userAgent, String route,
                        String requestId) {
        this(timestamp, client, method, target, protocol, status, bytes, duration, referer,
                userAgent, route, requestId, ConnectionInfo.plain(client));
    }
}
