package io.httpd.core.http1;

import io.httpd.api.Status;

import java.io.IOException;

/**
 * A request the server must answer with an error status: one of the named {@link Violation}s.
 * The one protocol exception of the core: thrown by the parser, the head rules, the body
 * readers and the routing, and caught where a response can still be written: by
 * {@link Connection} for a head, by {@link Exchange} once a head was read. Either answers with
 * {@link #status()} and closes the connection: after a violation the framing of what follows
 * can't be trusted.
 *
 * <p>It extends IOException so that a body read failing inside a handler surfaces as the I/O
 * failure it is. The {@linkplain #getMessage() reason} is the server's own text, never request
 * bytes: it is logged and may be sent as the response body.
 */
public final class HttpException extends IOException {
    private static final long serialVersionUID = 1L;

    private final Violation violation;

    HttpException(Violation violation, String reason) {
        super(reason, null);
        this.violation = violation;
    }

    /** The rule the request broke. */
    Violation violation() {
        return violation;
    }

    public Status status() {
        return violation.status;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this; // a protocol answer, not a bug: the stack is noise and costs time
    }
}
