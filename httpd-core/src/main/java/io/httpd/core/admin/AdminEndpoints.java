package io.httpd.core.admin;

import io.httpd.api.Headers;
import io.httpd.api.Method;
import io.httpd.api.Response;
import io.httpd.api.RouteHandler;
import io.httpd.api.ServerView;
import io.httpd.api.Status;
import io.httpd.core.http1.TrafficCounters;
import io.httpd.core.http1.RouteTable;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * The admin listener's routes: {@code GET /health} (liveness: 200 while the process serves),
 * {@code GET /ready} (200 when ready, 503 while starting or draining), {@code GET /metrics}
 * (Prometheus text), {@code GET /status} (a page for people, {@code ?format=json} for tools),
 * {@code POST /drain} (202: the process drains and exits 0, as on SIGTERM)
 * and {@code POST /reload} (what SIGHUP does: 200, or 500 naming the instances that failed).
 * None is cached.
 */
final class AdminEndpoints {
    private static final Status UNAVAILABLE = new Status(503, "Service Unavailable");
    private static final Status ACCEPTED = new Status(202, "Accepted");
    private static final Status SERVER_ERROR = new Status(500, "Internal Server Error");
    private static final Set<Method> GET = Set.of(Method.GET, Method.HEAD);
    private static final Set<Method> POST = Set.of(Method.POST);

    private AdminEndpoints() {
    }

    /**
     * What the endpoints report on.
     *
     * @param server    the server view
     * @param readiness what /ready answers
     * @param requests  the data listeners' request counts
     * @param rate      requests per second over the last minute
     * @param reloads   the recent reloads
     * @param wire      the data listeners' bytes and rejections
     */
    record Sources(ServerView server, Readiness readiness, RequestCounts requests,
                   RequestRate rate, ReloadLog reloads, TrafficCounters wire) {
    }

    /** The routes, each behind the token check when there is a token. */
    static List<RouteTable.Route> routes(Sources s, ServerControl control, BearerToken token,
                                         Clock clock) {
        return List.of(
                route("/health", GET, token.guard(r -> text(Status.OK, "ok\n"))),
                route("/ready", GET, token.guard(r -> ready(s.readiness()))),
                route("/metrics", GET, token.guard(r -> metrics(s, clock))),
                route("/status", GET, token.guard(r -> status(s, r.query(), clock))),
                route("/drain", POST, token.guard(r -> drain(control))),
                route("/reload", POST, token.guard(r -> reload(control))));
    }

    private static RouteTable.Route route(String path, Set<Method> methods, RouteHandler handler) {
        return new RouteTable.Route(path, "admin", handler, methods, 0);
    }

    private static Response status(Sources s, String query, Clock clock) {
        ObjectNode doc = StatusPage.document(s.server(), s.requests(), s.rate(), s.reloads(),
                clock.instant());
        boolean json = List.of(query.split("&")).contains("format=json");
        Headers type = json ? Headers.of("Content-Type", "application/json")
                : Headers.of("Content-Type", "text/html; charset=utf-8",
                        "Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
        byte[] body = json ? StatusPage.json(doc) : StatusPage.html(doc);
        return new Response(Status.OK, type.with("Cache-Control", "no-store"),
                new Response.Body.Bytes(body));
    }

    private static Response drain(ServerControl control) {
        control.drain();
        return text(ACCEPTED, "draining\n");
    }

    private static Response reload(ServerControl control) {
        ReloadResult result = control.reload();
        return text(result.problems().isEmpty() ? Status.OK : SERVER_ERROR, result.text());
    }

    private static Response ready(Readiness readiness) {
        Readiness.Phase phase = readiness.phase();
        String body = phase.name().toLowerCase() + "\n";
        return text(phase == Readiness.Phase.READY ? Status.OK : UNAVAILABLE, body);
    }

    private static Response metrics(Sources s, Clock clock) {
        byte[] body = MetricsText.render(s, clock.instant())
                .getBytes(StandardCharsets.UTF_8);
        return new Response(Status.OK, Headers.of("Content-Type", MetricsText.CONTENT_TYPE,
                "Cache-Control", "no-store"), new Response.Body.Bytes(body));
    }

    static Response text(Status status, String body) {
        return Response.text(status, body).withHeader("Cache-Control", "no-store");
    }
}
