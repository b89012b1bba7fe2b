package io.httpd.core.http1;

import io.httpd.api.Status;

import java.io.IOException;

/**
 * A request the server must answer with an error status. The one protocol exception of the
 * core: thrown by the parser, the body readers and the routing, caught in one place by
 * {@link Connection}, which answers with {@link #status()} and closes the connection when
 * {@link #closeConnection()} says the framing can no longer be trusted.
 *
 * <p>It extends IOException so that a body read failing inside a handler surfaces as the I/O
 * failure it is. The {@linkplain #getMessage() reason} is the server's own text, never request
 * bytes: it is logged and may be sent as the response body.
 */
public final class HttpException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Status status;
    private final boolean closeConnection;

    HttpException(Status status, String reason, boolean closeConnection) {
        super(reason, null);
        this.status = status;
        this.closeConnection = closeConnection;
    }

    /** An error after which the connection is closed: the framing can't be trusted. */
    static HttpException fatal(Status status, String reason) {
        return new HttpException(status, reason, true);
    }

    /** 400 and close: the common case for malformed heads. */
    static HttpException badRequest(String reason) {
        return fatal(Status.BAD_REQUEST, reason);
    }

    /** An error that leaves the message framing intact; the connection may stay open. */
    static HttpException recoverable(Status status, String reason) {
        return new HttpException(status, reason, false);
    }

    public Status status() {
        return status;
    }

    public boolean closeConnection() {
        return closeConnection;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this; // a protocol answer, not a bug: the stack is noise and costs time
    }
}
