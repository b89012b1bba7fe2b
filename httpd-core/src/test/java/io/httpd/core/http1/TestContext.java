package io.httpd.core.http1;

import io.httpd.api.AccessRecord;
import io.httpd.api.Method;
import io.httpd.api.RouteHandler;
import io.httpd.api.Status;
import io.httpd.core.config.Limits;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * One test's server set-up: routes, limits, and an access log that records into a queue. Also
 * the shared pieces of expected responses.
 */
final class TestContext {
    static final String SERVER_NAME = "httpd-test";
    /** The Date and Server lines of every response, after {@link #normalize}. */
    static final String DATE_SERVER = "Date: *\r\nServer: " + SERVER_NAME + "\r\n";
    static final String TEXT = "Content-Type: text/plain; charset=utf-8\r\n";
    static final String CLOSE = "Connection: close\r\n";
    static final long BODY_LIMIT = 1024;
    private static final Pattern DATE = Pattern.compile("\r\nDate: [^\r\n]*\r\n");

    final LinkedBlockingQueue<AccessRecord> accessLog = new LinkedBlockingQueue<>();
    final TrafficCounters counters = new TrafficCounters();
    final Http1Context ctx;

    TestContext(Limits limits, RouteTable.Route... routes) {
        ctx = new Http1Context(limits, SERVER_NAME, new RouteTable(List.of(routes)), List.of(),
                accessLog::add, counters, "");
    }

    TestContext(RouteTable.Route... routes) {
        this(Limits.defaults(), routes);
    }

    /** A route answering GET and HEAD with a body limit of {@link #BODY_LIMIT}. */
    static RouteTable.Route route(String path, RouteHandler handler) {
        return route(path, handler, Set.of(Method.GET, Method.HEAD));
    }

    static RouteTable.Route route(String path, RouteHandler handler, Set<Method> methods) {
        return route(path, handler, methods, BODY_LIMIT);
    }

    static RouteTable.Route route(String path, RouteHandler handler, Set<Method> methods,
                                  long bodyLimit) {
        return new RouteTable.Route(path, "test", handler, methods, bodyLimit);
    }

    /** Limits.defaults() with other head limits. */
    static Limits headLimits(int requestLine, int headerBytes, int headerCount) {
        Limits d = Limits.defaults();
        return new Limits(requestLine, headerBytes, headerCount, d.bodyBytes(), d.connections(),
                d.headerTimeout(), d.idleTimeout(), d.bodyTimeout(), d.sendTimeout(),
                d.handshakeTimeout());
    }

    /** Limits.defaults() with other timeouts. */
    static Limits timeouts(Duration header, Duration idle, Duration body) {
        Limits d = Limits.defaults();
        return new Limits(d.requestLineBytes(), d.headerBytes(), d.headerCount(), d.bodyBytes(),
                d.connections(), header, idle, body, d.sendTimeout(), d.handshakeTimeout());
    }

    /**
     * A text/plain response as the server writes it.
     *
     * @param statusLine such as {@code HTTP/1.1 200 OK}
     * @param connection the Connection line, or ""
     * @param body       ASCII content
     */
    static String text(String statusLine, String connection, String body) {
        return statusLine + "\r\n" + TEXT + DATE_SERVER + connection + "Content-Length: "
                + body.length() + "\r\n\r\n" + body;
    }

    /** The server's own HTTP/1.1 error response, as {@code ServerResponses.error} words it. */
    static String error(int code, String why, String connection) {
        Status status = Status.of(code);
        return text("HTTP/1.1 " + status, connection, status + ": " + why + "\n");
    }

    /** Replaces the value of every Date field with "*", so responses compare exactly. */
    static String normalize(String response) {
        return DATE.matcher(response).replaceAll("\r\nDate: *\r\n");
    }

    /** The next access record, waiting at most 5 s for it. */
    AccessRecord nextRecord() throws InterruptedException {
        AccessRecord r = accessLog.poll(5, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("no access record within 5 s");
        }
        return r;
    }

    /** Every access record so far. */
    List<AccessRecord> records() {
        return new ArrayList<>(accessLog);
    }
}
