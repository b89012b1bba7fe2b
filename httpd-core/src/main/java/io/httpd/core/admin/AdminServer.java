package io.httpd.core.admin;

import io.httpd.api.AccessRecord;
import io.httpd.api.ServerView;
import io.httpd.core.event.Events;
import io.httpd.core.config.AdminSettings;
import io.httpd.core.config.Limits;
import io.httpd.core.http1.Generations;
import io.httpd.core.http1.TrafficCounters;
import io.httpd.core.http1.Http1Context;
import io.httpd.core.server.Endpoint;
import io.httpd.core.server.HttpServer;
import io.httpd.core.http1.RouteTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.List;

/**
 * The admin listener ({@code [admin]}): a socket of its own, served by the same HTTP/1.1
 * engine as the data listeners but with its own connection limit, short timeouts and
 * counters, so that a flood on the data port cannot starve it. Its requests are server events
 * ({@code admin.request}), not access-log records.
 */
public final class AdminServer {
    private static final Logger LOG = LoggerFactory.getLogger(AdminServer.class);

    private final HttpServer server;
    private final RequestRate rate;

    /**
     * An admin listener, not yet bound.
     *
     * @param settings  the {@code [admin]} table
     * @param view      the server it reports on
     * @param readiness what {@code /ready} answers
     * @param requests  the data listeners' request counts
     * @param reloads   the recent reloads, for {@code /status}
     * @param control   what {@code POST /drain} and {@code POST /reload} run
     * @param wire      the data listeners' counters, for their bytes and rejections
     */
    public AdminServer(AdminSettings settings, String serverName, ServerView view,
                       Readiness readiness, RequestCounts requests, ReloadLog reloads,
                       ServerControl control, TrafficCounters wire) {
        this.rate = new RequestRate(() -> view.counters().requests());
        RouteTable routes = new RouteTable(AdminEndpoints.routes(new AdminEndpoints.Sources(view,
                readiness, requests, rate, reloads, wire), control,
                new BearerToken(settings.token()), Clock.systemUTC()));
        Http1Context ctx = new Http1Context(limits(settings.connections()), serverName, routes,
                List.of(), AdminServer::logRequest, new TrafficCounters(), "");
        this.server = new HttpServer(Endpoint.all(List.of(new InetSocketAddress(
                settings.listener().host(), settings.listener().port())),
                Collections.singletonList(null), List.of(false)), Generations.fixed(ctx));
    }

    /** The data port's limits but for the connection cap, no request body and short timeouts. */
    private static Limits limits(int connections) {
        Limits d = Limits.defaults();
        return new Limits(d.requestLineBytes(), d.headerBytes(), d.headerCount(), 0, connections,
                Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(5));
    }

    /** 401s at WARN; POSTs (drain, reload) at INFO; the polled GETs at DEBUG. */
    private static void logRequest(AccessRecord r) {
        LOG.atLevel(r.status() == 401 ? Level.WARN
                        : r.method().equals("POST") ? Level.INFO : Level.DEBUG)
                .setMessage(Events.ADMIN_REQUEST).addKeyValue("remote", r.client())
                .addKeyValue("method", r.method()).addKeyValue("target", r.target())
                .addKeyValue("status", r.status()).log();
    }

    /** Binds and serves. */
    public void start() throws IOException {
        server.start();
        rate.start();
    }

    /** The bound address. */
    public List<InetSocketAddress> addresses() {
        return server.boundAddresses();
    }

    /** Stops; in-flight admin requests get a moment to finish. */
    public void stop() throws InterruptedException {
        rate.stop();
        server.stop(Duration.ofSeconds(1));
    }
}
