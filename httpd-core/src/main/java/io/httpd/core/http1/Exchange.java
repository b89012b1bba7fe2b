package io.httpd.core.http1;

import io.httpd.api.AccessRecord;
import io.httpd.api.ConnectionInfo;
import io.httpd.api.Headers;
import io.httpd.api.Method;
import io.httpd.api.PluginInstance;
import io.httpd.api.Request;
import io.httpd.api.RequestValidator.Verdict;
import io.httpd.api.Response;
import io.httpd.api.Status;
import io.httpd.core.event.Events;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One request and its response on a connection: validators, routing, the handler, writing, the
 * access record. Every failure becomes a response here or in {@link #reject}; nothing but a
 * broken connection escapes.
 */
final class Exchange {
    private static final Logger LOG = LoggerFactory.getLogger(Exchange.class);
    /** Unread request content the server reads and discards to keep a connection open. */
    static final long DRAIN_LIMIT = 64 * 1024;
    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final String ID_PREFIX = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
    /** What the access record shows of a head that was not read at all. */
    private static final RequestParser.RawHead UNREAD =
            new RequestParser.RawHead("-", "-", "-", Headers.EMPTY);

    private final Http1Context ctx;
    private final WireReader in;
    private final Transport transport;
    private final ResponseWriter writer;
    private ConnectionInfo connection; // its client set per request by trusted proxies
    private final InetSocketAddress remote;
    private String requestId; // made when the access record or the response field needs it
    private BodyStream body;
    private RouteTable.Route route;
    private String validatorId; // while a validator runs: whom to blame if it throws
    /** A failure left the connection untrusted: a violation, a handler that threw, a lost 100. */
    private boolean broken;

    Exchange(Http1Context ctx, WireReader in, ResponseWriter writer, ConnectionInfo connection,
             Transport transport) {
        this.ctx = ctx;
        this.transport = transport;
        this.in = in;
        this.writer = writer;
        this.connection = connection;
        this.remote = connection.remote();
    }

    /**
     * Answers a request head.
     *
     * @param mayPersist false when the server is stopping
     * @return whether the connection may read another request
     */
    boolean serve(RequestHead head, long startNanos, boolean mayPersist) throws IOException {
        ZonedDateTime time = ctx.logsAccess() ? RequestTime.now() : null;
        connection = ctx.forwarded().resolve(connection, head.headers());
        Response response = ctx.https().redirects() ? ctx.https().redirect(head) : respond(head);
        if (body != null && response.body() instanceof Response.Body.Streamed) {
            continueBeforeHead(); // its writer may read the content: a 100 can't follow the head
        }
        boolean keepAlive = keepAlive(head, response, mayPersist);
        ResponseWriter.Sent sent = write(response, head.method().equals(Method.HEAD), head.minor(),
                keepAlive);
        boolean reusable = keepAlive && !sent.aborted() && (!head.framing().hasBody()
                || finishBody(head)) && !sent.mustClose(); // drained before the next request
        if (time != null) {
            ctx.accessLog().accept(accessRecord(time, head.method().name(), head.target(),
                    head.version(), head.headers(), response.status().code(), sent, startNanos));
        }
        return reusable;
    }

    /**
     * The persistence decision (RFC 9112 §9.3), made here only: keep-alive when the request
     * asked for it, the server is not stopping, no failure broke the connection and no unread
     * content rules it out. The connection then persists if the response goes out whole.
     */
    private boolean keepAlive(RequestHead head, Response response, boolean mayPersist) {
        return mayPersist && head.keepAlive() && !broken && !cannotReuseAfter(head, response);
    }

    /** Answers a head that could not be read or failed the core's checks, then closes. */
    void reject(HttpException e, RequestParser.RawHead raw, long startNanos) {
        logReject(e);
        ZonedDateTime time = ctx.logsAccess() ? RequestTime.now() : null;
        RequestParser.RawHead r = raw != null ? raw : UNREAD;
        ResponseWriter.Sent sent = write(ServerResponses.error(e.status(), e.getMessage()),
                r.method().equals("HEAD"), 1, false);
        if (time != null) {
            ctx.accessLog().accept(accessRecord(time, r.method(), r.target(),
                    HeadRules.protocol(r.version()), r.headers(), e.status().code(), sent, startNanos));
        }
    }

    private Response respond(RequestHead head) {
        try {
            Response rejected = validate(head);
            return rejected != null ? rejected : route(head);
        } catch (HttpException e) {
            logReject(e);
            broken = true;
            return ServerResponses.error(e.status(), e.getMessage());
        } catch (Exception | LinkageError | AssertionError | StackOverflowError
                 | OutOfMemoryError e) { // the VM's own heap exhaustion exits first: bin/httpd
            logFailure(e);
            broken = true;
            return ServerResponses.error(Status.INTERNAL_SERVER_ERROR,
                    validatorId != null ? "the validator failed" : "the handler failed");
        }
    }

    private Response validate(RequestHead head) {
        if (ctx.validators().isEmpty()) {
            return null;
        }
        Request request = request(head, InputStream.nullInputStream(), "");
        for (Http1Context.Validator v : ctx.validators()) {
            validatorId = v.id();
            mayBlock(v.instance());
            // null is a bug, like a handler's null response: a 500, never a silent accept
            Verdict verdict = Objects.requireNonNull(v.instance().validate(request),
                    "the validator returned null");
            if (verdict instanceof Verdict.Reject(Status status, String why, Headers fields)) {
                ctx.counters().rejected(status.code());
                LOG.atInfo().setMessage(Events.REQUEST_REJECT).addKeyValue("status", status.code())
                        .addKeyValue("reason", why).addKeyValue("validator", v.id())
                        .addKeyValue("remote", remote).log();
                return ServerResponses.withFields(ServerResponses.error(status, why), fields);
            }
        }
        validatorId = null;
        return null;
    }

    private Response route(RequestHead head) throws IOException {
        if (head.path().equals("*")) { // OPTIONS * (RFC 9110 §9.3.7)
            return ServerResponses.allow(Status.NO_CONTENT,
                    RouteTable.allow(ctx.routes().allMethods()));
        }
        route = ctx.routes().match(head.path());
        if (route == null) {
            return ServerResponses.error(Status.NOT_FOUND, "no route for this path");
        }
        if (!route.methods().contains(head.method())) {
            return head.method().equals(Method.OPTIONS)
                    ? ServerResponses.allow(Status.NO_CONTENT, route.allow())
                    : ServerResponses.allow(Status.METHOD_NOT_ALLOWED, route.allow());
        }
        if (head.framing().length() > route.bodyLimit()) {
            throw Violation.BODY_TOO_LARGE.exception();
        }
        body = bodyStream(head, route.bodyLimit(), true);
        mayBlock(route.handler());
        Response response = route.handler().handle(request(head, body, route.path()));
        return Objects.requireNonNull(response, "the handler returned null"); // a 500, below
    }

    private BodyStream bodyStream(RequestHead head, long limit, boolean mayContinue) {
        BodyStream.Continue hundred = mayContinue && head.expectContinue()
                ? writer::writeContinue : null;
        return switch (head.framing().kind()) {
            case NONE -> ContentLengthBody.EMPTY;
            case LENGTH -> new ContentLengthBody(in, head.framing().length(), limit, hundred);
            case CHUNKED -> new ChunkedBody(in, limit, hundred);
        };
    }

    /**
     * Whether request content the handler left unread rules out another request on this
     * connection: a client still waiting for a 100 (RFC 9110 §10.1.1: we may close instead of
     * reading), or more content than we would drain. A streamed response may still read the
     * content while it is written, so it is judged afterwards.
     */
    private boolean cannotReuseAfter(RequestHead head, Response response) {
        if (!head.framing().hasBody() || response.body() instanceof Response.Body.Streamed) {
            return false;
        }
        if (body != null) {
            return !body.atEnd()
                    && (body.continuePending() || head.framing().length() > DRAIN_LIMIT);
        }
        return head.expectContinue() || head.framing().length() > DRAIN_LIMIT;
    }

    private void continueBeforeHead() {
        try {
            body.sendContinue();
        } catch (IOException e) {
            broken = true; // the write of the response fails too, and is logged there
        }
    }

    /** Reads and discards what is left of the content, bounded; true when it all arrived. */
    private boolean finishBody(RequestHead head) {
        if (body == null) {
            body = bodyStream(head, ctx.limits().bodyBytes(), false);
        }
        if (body.atEnd()) {
            return true;
        }
        if (body.continuePending()) {
            return false;
        }
        try {
            return body.drain(DRAIN_LIMIT);
        } catch (IOException e) {
            return false;
        }
    }

    /** Writes the response; when it cannot be sent whole, the connection closes (aborted). */
    private ResponseWriter.Sent write(Response response, boolean headOnly, int minor,
                                      boolean keepAlive) {
        try {
            ctx.counters().response(response.status().code());
            response = ctx.https().withStrictTransportSecurity(response);
            if (!ctx.requestIdHeader().isEmpty()) {
                response = new Response(response.status(),
                        response.headers().replace(ctx.requestIdHeader(), requestId()),
                        response.body());
            }
            return writer.write(response, headOnly, minor, keepAlive);
        } catch (HttpException e) {
            // the request content broke its framing or limit while a streamed body was
            // written: too late for the error status, but the reason is logged as for one
            logReject(e);
            return aborted();
        } catch (IOException e) {
            LOG.atDebug().setMessage(Events.CONN_CLOSE).addKeyValue("remote", remote)
                    .addKeyValue("reason", "write failed: " + e.getMessage()).log();
            return aborted();
        } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError
                 | OutOfMemoryError e) {
            logFailure(e); // a streamed body's writer failed after the head: too late for a 500
            return aborted();
        }
    }

    private ResponseWriter.Sent aborted() {
        return new ResponseWriter.Sent(writer.abort(), true, true);
    }

    /** The access record of this exchange (one per exchange that produced a status line). */
    private AccessRecord accessRecord(ZonedDateTime time, String method, String target,
                                      String protocol, Headers headers, int status,
                                      ResponseWriter.Sent sent, long startNanos) {
        Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
        return new AccessRecord(time, connection.client(), method, target, protocol, status,
                sent.bytes(), took, headers.first("Referer").orElse(null),
                headers.first("User-Agent").orElse(null), route == null ? null : route.path(),
                requestId(), connection, sent.aborted(), validatorId);
    }

    /** This exchange's id, unique within the process: made once, when first asked for. */
    private String requestId() {
        if (requestId == null) {
            requestId = ID_PREFIX + "-" + SEQUENCE.incrementAndGet();
        }
        return requestId;
    }

    /** Moves off the poller's thread before a plugin that may block. */
    private void mayBlock(PluginInstance plugin) {
        if (plugin.blocks()) {
            transport.mayBlock();
        }
    }

    private Request request(RequestHead head, InputStream content, String routePath) {
        return new Request(head.method(), head.target(), head.path(), head.query(),
                head.version(), head.headers(), connection, routePath, content);
    }

    /** A validator, a handler or a streamed body's writer threw: a bug, with its stack. */
    private void logFailure(Throwable e) {
        LoggingEventBuilder event = LOG.atError().setMessage(Events.HANDLER_ERROR).setCause(e);
        if (validatorId != null) {
            event.addKeyValue("validator", validatorId);
        } else {
            event.addKeyValue("route", route == null ? null : route.path())
                    .addKeyValue("handler", route == null ? null : route.handlerId());
        }
        event.addKeyValue("remote", remote).log();
    }

    private void logReject(HttpException e) {
        ctx.counters().rejected(e.status().code());
        LOG.atInfo().setMessage(Events.REQUEST_REJECT).addKeyValue("status", e.status().code())
                .addKeyValue("reason", e.getMessage()).addKeyValue("remote", remote).log();
    }
}
