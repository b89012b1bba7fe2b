package io.httpd.core.admin;

import io.httpd.api.AccessRecord;
import io.httpd.api.ServerView;
import io.httpd.core.http1.TrafficCounters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Prometheus text: bounded labels, escaped label values, one HELP and TYPE per family. */
class MetricsTextTest {
    @ParameterizedTest(name = "[{index}] {0} {1} {2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "NONE", textBlock = """
            /echo        | GET      | 200 | /echo,GET,2xx
            NONE         | GET      | 404 | none,GET,4xx
            /a           | PROPFIND | 207 | /a,other,2xx
            /a           | -        | 400 | /a,other,4xx
            /a           | get      | 500 | /a,other,5xx
            """)
    void labelsAreBounded(String route, String method, int status, String key) {
        RequestCounts counts = new RequestCounts();
        counts.count(record(route, method, status));
        counts.count(record(route, method, status));
        String[] k = key.split(",");
        assertEquals(java.util.Map.of(new RequestCounts.Key(k[0], k[1], k[2]), 2L),
                counts.snapshot());
    }

    @Test
    void labelValuesAreEscaped() {
        assertEquals("/a\\\\b\\\"c\\nd", MetricsText.label("/a\\b\"c\nd"));
    }

    @Test
    void everyFamilyHasOneHelpAndTypeBeforeItsSamples() {
        RequestCounts counts = new RequestCounts();
        counts.count(record("/q\"", "GET", 200));
        counts.count(record("/echo", "POST", 200));
        String text = render(counts, new ReloadLog());
        assertTrue(text.startsWith("""
                # HELP httpd_requests_total Requests answered on the data listeners, by route, method and status class.
                # TYPE httpd_requests_total counter
                httpd_requests_total{route="/echo",method="POST",code="2xx"} 1
                httpd_requests_total{route="/q\\"",method="GET",code="2xx"} 1
                # HELP httpd_request_duration_seconds"""), text);
        assertTrue(text.contains("\nhttpd_build_info{version=\"1.0\",java=\"25 (\\\"x\\\")\"} 1\n"),
                text);
        assertTrue(text.contains("\nhttpd_uptime_seconds 90\n"), text);
        assertTrue(text.contains("""
                # TYPE httpd_access_log_dropped_total counter
                httpd_access_log_dropped_total{sink="file",index="0"} 2
                httpd_access_log_dropped_total{sink="json",index="1"} 3
                """), text);
        assertTrue(text.contains("# TYPE httpd_tls_handshake_failures_total counter\n"
                + "httpd_tls_handshake_failures_total 4\n"), text);
        List<String> types = text.lines().filter(l -> l.startsWith("# TYPE ")).toList();
        assertEquals(types.size(), Set.copyOf(types).size(), text);
        assertTrue(text.endsWith("\n"));
    }

    /** Bucket bounds are inclusive (le); count equals +Inf; the sum is in seconds. */
    @Test
    void durationsAreAHistogramPerRoute() {
        RequestCounts counts = new RequestCounts();
        for (long micros : new long[] {100, 500, 501, 3_000, 20_000_000}) {
            counts.count(record("/a", "GET", 200, Duration.ofNanos(micros * 1000)));
        }
        String text = render(counts, new ReloadLog());
        String series = "httpd_request_duration_seconds";
        assertTrue(text.contains("# TYPE " + series + " histogram\n"
                + series + "_bucket{route=\"/a\",le=\"0.0005\"} 2\n"
                + series + "_bucket{route=\"/a\",le=\"0.001\"} 3\n"
                + series + "_bucket{route=\"/a\",le=\"0.0025\"} 3\n"
                + series + "_bucket{route=\"/a\",le=\"0.005\"} 4\n"), text);
        assertTrue(text.contains(series + "_bucket{route=\"/a\",le=\"10\"} 4\n"
                + series + "_bucket{route=\"/a\",le=\"+Inf\"} 5\n"
                + series + "_sum{route=\"/a\"} 20.004101\n"
                + series + "_count{route=\"/a\"} 5\n"), text);
    }

    @Test
    void reloadsAreCountedByResult() {
        ReloadLog reloads = new ReloadLog();
        reloads.add(new ReloadLog.Reload(Instant.EPOCH, List.of()));
        reloads.add(new ReloadLog.Reload(Instant.EPOCH, List.of("flaky")));
        reloads.add(new ReloadLog.Reload(Instant.EPOCH, List.of()));
        String text = render(new RequestCounts(), reloads);
        assertTrue(text.contains("# TYPE httpd_reloads_total counter\n"
                + "httpd_reloads_total{result=\"ok\"} 2\n"
                + "httpd_reloads_total{result=\"failed\"} 1\n"), text);
    }

    @Test
    void jvmBasicsAreThere() {
        String text = render(new RequestCounts(), new ReloadLog());
        for (String family : List.of("jvm_memory_heap_used_bytes", "jvm_memory_heap_committed_bytes",
                "jvm_memory_nonheap_used_bytes", "jvm_threads_platform", "jvm_gc_collections_total",
                "jvm_gc_collection_seconds_total", "process_open_fds", "process_max_fds",
                "process_cpu_seconds_total", "process_start_time_seconds", "httpd_uptime_seconds")) {
            assertTrue(text.contains("\n# TYPE " + family + " "), family + "\n" + text);
        }
        assertTrue(text.matches("(?s).*\njvm_gc_collections_total\\{gc=\"[^\"]+\"} \\d+\n.*"), text);
        assertTrue(text.matches("(?s).*\njvm_threads_platform [1-9]\\d*\n.*"), text);
    }

    private static String render(RequestCounts counts, ReloadLog reloads) {
        return MetricsText.render(new AdminEndpoints.Sources(new View(), new Readiness(), counts,
                new RequestRate(() -> 0), reloads, new TrafficCounters()), Instant.EPOCH.plusSeconds(90));
    }

    private static AccessRecord record(String route, String method, int status) {
        return record(route, method, status, Duration.ZERO);
    }

    private static AccessRecord record(String route, String method, int status, Duration took) {
        return new AccessRecord(ZonedDateTime.now(), new InetSocketAddress("127.0.0.1", 1), method,
                "/", "HTTP/1.1", status, 0, took, null, null, route, "1");
    }

    /** A fixed view. */
    private record View() implements ServerView {
        @Override
        public String version() {
            return "1.0";
        }

        @Override
        public String runtime() {
            return "25 (\"x\")";
        }

        @Override
        public Instant startTime() {
            return Instant.EPOCH;
        }

        @Override
        public List<java.net.InetSocketAddress> listeners() {
            return List.of();
        }

        @Override
        public List<RouteInfo> routes() {
            return List.of();
        }

        @Override
        public List<PluginInfo> plugins() {
            return List.of();
        }

        @Override
        public Counters counters() {
            return new Counters(0, 0, 0, 0, 0, 0, 0, 0, 5,
                    List.of(new AccessLogDrops(0, "file", 2), new AccessLogDrops(1, "json", 3)), 4);
        }
    }
}
