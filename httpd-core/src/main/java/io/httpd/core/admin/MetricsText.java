package io.httpd.core.admin;

import io.httpd.api.ServerView;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The Prometheus text exposition format, version 0.0.4: {@code # HELP} and {@code # TYPE}
 * once per metric family, then its samples; label values escaped ({@code \\}, {@code "},
 * newline). Written by hand: a few families of counters and gauges need no library, and the
 * jlink image links only explicit modules.
 */
final class MetricsText {
    /** The Content-Type of this format. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final Path FDS = Path.of("/proc/self/fd");

    private final StringBuilder out = new StringBuilder(2048);

    private MetricsText() {
    }

    /** Every metric, now. */
    static String render(ServerView server, RequestCounts requests, Instant now) {
        MetricsText m = new MetricsText();
        m.family("httpd_requests_total", "counter",
                "Requests answered on the data listeners, by route, method and status class.");
        for (Map.Entry<RequestCounts.Key, Long> e : requests.snapshot().entrySet()) {
            RequestCounts.Key k = e.getKey();
            m.sample("httpd_requests_total{route=\"" + label(k.route()) + "\",method=\""
                    + label(k.method()) + "\",code=\"" + k.code() + "\"}", e.getValue());
        }
        ServerView.Counters c = server.counters();
        m.one("httpd_connections_open", "gauge", "Connections open now.", c.connectionsOpen());
        m.one("httpd_connections_accepted_total", "counter", "Connections accepted.",
                c.connectionsTotal());
        m.family("httpd_access_log_dropped_total", "counter",
                "Access-log records dropped because a sink's queue was full or it failed, by sink.");
        for (ServerView.AccessLogDrops sink : c.accessLogSinks()) {
            m.sample("httpd_access_log_dropped_total{sink=\"" + label(sink.sink()) + "\",index=\""
                    + sink.index() + "\"}", sink.dropped());
        }
        m.one("httpd_tls_handshake_failures_total", "counter",
                "TLS handshakes that failed, timed out or met plain HTTP.", c.tlsHandshakeFailures());
        m.family("httpd_build_info", "gauge", "The server's version and Java runtime.");
        m.sample("httpd_build_info{version=\"" + label(server.version()) + "\",java=\""
                + label(server.runtime()) + "\"}", 1);
        m.one("httpd_uptime_seconds", "gauge", "Seconds since the server started.",
                Math.max(0, Duration.between(server.startTime(), now).toSeconds()));
        m.process();
        return m.out.toString();
    }

    private void process() {
        Runtime rt = Runtime.getRuntime();
        one("jvm_memory_heap_used_bytes", "gauge", "Heap in use.", rt.totalMemory() - rt.freeMemory());
        one("jvm_memory_heap_committed_bytes", "gauge", "Heap committed.", rt.totalMemory());
        one("jvm_memory_heap_max_bytes", "gauge", "The most heap the JVM will use.", rt.maxMemory());
        if (Files.isDirectory(FDS)) {
            try (Stream<Path> fds = Files.list(FDS)) {
                one("process_open_fds", "gauge", "Open file descriptors.", fds.count());
            } catch (IOException | SecurityException e) {
                // not on this system: leave the metric out
            }
        }
    }

    private void one(String name, String type, String help, long value) {
        family(name, type, help);
        sample(name, value);
    }

    private void family(String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private void sample(String series, long value) {
        out.append(series).append(' ').append(value).append('\n');
    }

    /** A label value: backslash, double quote and line feed escaped. */
    static String label(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
