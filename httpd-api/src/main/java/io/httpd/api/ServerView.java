package io.httpd.api;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A read-only view of the running server, handed to every plugin factory. The lists are
 * complete once start-up finished; {@link #counters()} is live.
 */
public interface ServerView {
    /** The server's version, such as {@code 0.1.0}. */
    String version();

    /**
     * The server's name, as its Server header field sends it ({@code [server] name}); {@code ""}
     * when the field is left out. Default: {@code "httpd"}.
     */
    default String name() {
        return "httpd";
    }

    /**
     * The Java runtime the server runs on, as {@code httpd -v} prints it, such as
     * {@code 25.0.3+9-LTS (Eclipse Adoptium)}. Default: this runtime's version and vendor.
     */
    default String runtime() {
        return Runtime.version() + " (" + System.getProperty("java.vendor") + ")";
    }

    /** When the server started. */
    Instant startTime();

    /** The bound addresses of the listeners (empty until they are bound). */
    List<InetSocketAddress> listeners();

    /** The mounted routes. */
    List<RouteInfo> routes();

    /** Every plugin provider found. */
    List<PluginInfo> plugins();

    /** A snapshot of the live counters. */
    Counters counters();

    /**
     * A mounted route.
     *
     * @param path    the route's path
     * @param handler the handler id
     * @param methods the methods it answers
     */
    record RouteInfo(String path, String handler, Set<Method> methods) {
        public RouteInfo {
            methods = Set.copyOf(methods);
        }
    }

    /**
     * A provider found at start-up.
     *
     * @param kind    {@code route}, {@code validator}, {@code access_log} or {@code tls}
     * @param id      the provider's id
     * @param module  the module's name
     * @param version the module's version, or {@code ""} when it has none
     * @param source  the jar or folder it came from, or {@code "built-in"}
     */
    record PluginInfo(String kind, String id, String module, String version, String source) {
    }

    /**
     * Counters since start.
     *
     * @param connectionsOpen  connections open now
     * @param connectionsTotal connections accepted
     * @param requests         request heads read (rejected ones included)
     * @param responses1xx     interim and final responses by status class
     * @param responses2xx     see above
     * @param responses3xx     see above
     * @param responses4xx     see above
     * @param responses5xx     see above
     * @param accessLogDrops   access records dropped because a sink's queue was full or failed,
     *                         summed over the sinks
     * @param accessLogSinks   the same, for each sink, in the order of httpd.toml
     * @param tlsHandshakeFailures TLS handshakes that failed, timed out or were abandoned
     */
    record Counters(long connectionsOpen, long connectionsTotal, long requests, long responses1xx,
                    long responses2xx, long responses3xx, long responses4xx, long responses5xx,
                    long accessLogDrops, List<AccessLogDrops> accessLogSinks,
                    long tlsHandshakeFailures) {
        public Counters {
            accessLogSinks = List.copyOf(accessLogSinks);
        }

        /** Counters of a server without TLS listeners. */
        public Counters(long connectionsOpen, long connectionsTotal, long requests,
                        long responses1xx, long responses2xx, long responses3xx,
                        long responses4xx, long responses5xx, long accessLogDrops,
                        List<AccessLogDrops> accessLogSinks) {
            this(connectionsOpen, connectionsTotal, requests, responses1xx, responses2xx,
                    responses3xx, responses4xx, responses5xx, accessLogDrops, accessLogSinks, 0);
        }

        /** Counters of a server with TLS listeners, without the per-sink list (empty). */
        public Counters(long connectionsOpen, long connectionsTotal, long requests,
                        long responses1xx, long responses2xx, long responses3xx,
                        long responses4xx, long responses5xx, long accessLogDrops,
                        long tlsHandshakeFailures) {
            this(connectionsOpen, connectionsTotal, requests, responses1xx, responses2xx,
                    responses3xx, responses4xx, responses5xx, accessLogDrops, List.of(),
                    tlsHandshakeFailures);
        }

        /** Counters without the per-sink list (empty) and without TLS. */
        public Counters(long connectionsOpen, long connectionsTotal, long requests,
                        long responses1xx, long responses2xx, long responses3xx,
                        long responses4xx, long responses5xx, long accessLogDrops) {
            this(connectionsOpen, connectionsTotal, requests, responses1xx, responses2xx,
                    responses3xx, responses4xx, responses5xx, accessLogDrops, List.of(), 0);
        }
    }

    /**
     * What one access-log sink lost since start.
     *
     * @param index   its place among the {@code [[access_log]]} tables of httpd.toml, from 0
     * @param sink    its sink id, such as {@code file} or {@code json}
     * @param dropped records refused because its queue was full (or the server was stopping),
     *                or lost because the sink failed to write them
     */
    record AccessLogDrops(int index, String sink, long dropped) {
    }
}
