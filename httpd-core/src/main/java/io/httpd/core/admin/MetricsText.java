package io.httpd.core.admin;

import io.httpd.api.ServerView;
import io.httpd.core.http1.TrafficCounters;

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
 * newline). Written by hand: a few families of counters, gauges and one histogram need no
 * library (the Prometheus Java client would bring its own registry, a second copy of every
 * count, and modules the image must link), and the format is a few lines of text.
 */
final class MetricsText {
    /** The Content-Type of this format. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final Path FDS = Path.of("/proc/self/fd");

    private final StringBuilder out = new StringBuilder(2048);

    private MetricsText() {
    }

    /** Every metric, now. */
    static String render(AdminEndpoints.Sources s, Instant now) {
        MetricsText m = new MetricsText();
        m.requests(s.requests());
        ServerView.Counters c = s.server().counters();
        m.one("httpd_connections_open", "gauge", "Connections open now.", c.connectionsOpen());
        m.one("httpd_connections_accepted_total", "counter", "Connections accepted.",
                c.connectionsTotal());
        m.wire(s.wire());
        m.family("httpd_access_log_dropped_total", "counter",
                "Access-log records dropped because a sink's queue was full or it failed, by sink.");
        for (ServerView.AccessLogDrops sink : c.accessLogSinks()) {
            m.sample("httpd_access_log_dropped_total{sink=\"" + label(sink.sink()) + "\",index=\""
                    + sink.index() + "\"}", sink.dropped());
        }
        m.one("httpd_tls_handshake_failures_total", "counter",
                "TLS handshakes that failed, timed out or met plain HTTP.", c.tlsHandshakeFailures());
        ReloadLog.Totals reloads = s.reloads().totals();
        m.family("httpd_reloads_total", "counter", "Reloads (SIGHUP, POST /reload), by result.");
        m.sample("httpd_reloads_total{result=\"ok\"}", reloads.ok());
        m.sample("httpd_reloads_total{result=\"failed\"}", reloads.failed());
        ServerView server = s.server();
        m.family("httpd_build_info", "gauge", "The server's version and Java runtime.");
        m.sample("httpd_build_info{version=\"" + label(server.version()) + "\",java=\""
                + label(server.runtime()) + "\"}", 1);
        m.one("httpd_uptime_seconds", "gauge", "Seconds since the server started.",
                Math.max(0, Duration.between(server.startTime(), now).toSeconds()));
        m.one("process_start_time_seconds", "gauge", "When the server started, in Unix time.",
                server.startTime().getEpochSecond());
        m.process();
        JvmMetrics.write(m);
        return m.out.toString();
    }

    private void requests(RequestCounts requests) {
        family("httpd_requests_total", "counter",
                "Requests answered on the data listeners, by route, method and status class.");
        for (Map.Entry<RequestCounts.Key, Long> e : requests.snapshot().entrySet()) {
            RequestCounts.Key k = e.getKey();
            sample("httpd_requests_total{route=\"" + label(k.route()) + "\",method=\""
                    + label(k.method()) + "\",code=\"" + k.code() + "\"}", e.getValue());
        }
        String name = "httpd_request_duration_seconds";
        family(name, "histogram",
                "Time from the request head's first byte to the response's last, by route.");
        requests.durations().forEach((route, h) -> {
            String r = "route=\"" + label(route) + "\"";
            long[] cumulative = h.cumulative();
            for (int i = 0; i < cumulative.length; i++) {
                String le = i < DurationHistogram.LE.length ? DurationHistogram.LE[i] : "+Inf";
                sample(name + "_bucket{" + r + ",le=\"" + le + "\"}", cumulative[i]);
            }
            sample(name + "_sum{" + r + "}", h.sumNanos() / 1e9);
            sample(name + "_count{" + r + "}", h.count());
        });
    }

    /** Bytes and rejections, counted where the connections read and write. */
    private void wire(TrafficCounters wire) {
        one("httpd_received_bytes_total", "counter",
                "HTTP bytes received on the data listeners (after TLS decryption).",
                wire.receivedBytes());
        one("httpd_sent_bytes_total", "counter",
                "HTTP bytes sent on the data listeners, heads included (before TLS encryption).",
                wire.sentBytes());
        family("httpd_rejections_total", "counter", "Requests refused with a status of the "
                + "server's or a validator's own, and connections closed without a response "
                + "(header_timeout, incomplete_head, send_timeout), by reason.");
        wire.rejections().forEach((reason, n) ->
                sample("httpd_rejections_total{reason=\"" + label(reason) + "\"}", n));
    }

    /** What {@code /proc} and the runtime tell of this process. */
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

    void one(String name, String type, String help, long value) {
        family(name, type, help);
        sample(name, value);
    }

    void family(String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    void sample(String series, long value) {
        out.append(series).append(' ').append(value).append('\n');
    }

    void sample(String series, double value) {
        out.append(series).append(' ').append(value).append('\n');
    }

    /** A label value: backslash, double quote and line feed escaped. */
    static String label(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
