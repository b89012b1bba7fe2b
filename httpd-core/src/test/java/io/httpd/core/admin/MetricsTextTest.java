package io.httpd.core.admin;

import io.httpd.api.AccessRecord;
import io.httpd.api.ServerView;
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
        String text = MetricsText.render(new View(), counts, Instant.EPOCH.plusSeconds(90));
        assertTrue(text.startsWith("""
                # HELP httpd_requests_total Requests answered on the data listeners, by route, method and status class.
                # TYPE httpd_requests_total counter
                httpd_requests_total{route="/echo",method="POST",code="2xx"} 1
                httpd_requests_total{route="/q\\"",method="GET",code="2xx"} 1
                # HELP httpd_connections_open"""), text);
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

    private static AccessRecord record(String route, String method, int status) {
        return new AccessRecord(ZonedDateTime.now(), new InetSocketAddress("127.0.0.1", 1), method,
                "/", "HTTP/1.1", status, 0, Duration.ZERO, null, null, route, "1");
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
