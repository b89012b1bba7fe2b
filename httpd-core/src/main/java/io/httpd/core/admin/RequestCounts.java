package io.httpd.core.admin;

import io.httpd.api.AccessRecord;
import io.httpd.api.Method;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * Requests answered on the data listeners, by route, method and status class, and their
 * durations by route: one {@link LongAdder} per combination and per duration bucket, found
 * without a lock, so that counting costs the exchange's thread a map lookup and a few
 * uncontended adds. Fed from the access-log records,
 * which every exchange that produced a status line yields.
 *
 * <p>The labels are bounded: routes come from httpd.toml ({@code none} when no route matched),
 * methods outside RFC 9110's standard ones count as {@code other}, statuses by class.
 */
public final class RequestCounts {
    /** The method labels: RFC 9110's standard methods, then {@code other}. */
    private static final List<String> METHODS = Stream.concat(
            Method.STANDARD.stream().map(Method::name), Stream.of("other")).toList();
    private static final int CLASSES = 5;
    private static final String NONE = "none";

    /**
     * One time series.
     *
     * @param route  the route's path, or {@code none}
     * @param method a standard method, or {@code other}
     * @param code   {@code 1xx} to {@code 5xx}
     */
    public record Key(String route, String method, String code) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = route.compareTo(o.route);
            c = c != 0 ? c : method.compareTo(o.method);
            return c != 0 ? c : code.compareTo(o.code);
        }
    }

    /** One route's counters: by method × status class, and its durations. */
    private record Series(LongAdder[] counts, DurationHistogram durations) {
    }

    /** Per route (the route table's own path strings, so their hash is cached). */
    private final Map<String, Series> byRoute = new ConcurrentHashMap<>();

    /**
     * Counts one exchange: a map lookup and three adds (count, duration bucket, duration sum),
     * no lock and no allocation once the route was seen.
     */
    public void count(AccessRecord record) {
        String route = record.route() == null ? NONE : record.route();
        Series series = byRoute.get(route);
        if (series == null) {
            series = byRoute.computeIfAbsent(route,
                    k -> new Series(newAdders(), new DurationHistogram()));
        }
        int statusClass = record.status() / 100 - 1;
        if (statusClass >= 0 && statusClass < CLASSES) {
            series.counts()[method(record.method()) * CLASSES + statusClass].increment();
        }
        series.durations().observe(record.duration().toNanos());
    }

    private static LongAdder[] newAdders() {
        LongAdder[] adders = new LongAdder[METHODS.size() * CLASSES];
        for (int i = 0; i < adders.length; i++) {
            adders[i] = new LongAdder();
        }
        return adders;
    }

    private static int method(String method) {
        return switch (method) {
            case "GET" -> 0;
            case "HEAD" -> 1;
            case "POST" -> 2;
            case "PUT" -> 3;
            case "DELETE" -> 4;
            case "CONNECT" -> 5;
            case "OPTIONS" -> 6;
            case "TRACE" -> 7;
            case "PATCH" -> 8;
            default -> 9;
        };
    }

    /** A sorted snapshot of the series counted so far (none with a zero count). */
    public Map<Key, Long> snapshot() {
        Map<Key, Long> out = new TreeMap<>();
        byRoute.forEach((route, series) -> {
            LongAdder[] adders = series.counts();
            for (int i = 0; i < adders.length; i++) {
                long n = adders[i].sum();
                if (n > 0) {
                    out.put(new Key(route, METHODS.get(i / CLASSES), (i % CLASSES + 1) + "xx"), n);
                }
            }
        });
        return out;
    }

    /** The request durations by route, sorted by route. */
    Map<String, DurationHistogram.Snapshot> durations() {
        Map<String, DurationHistogram.Snapshot> out = new TreeMap<>();
        byRoute.forEach((route, series) -> out.put(route, series.durations().snapshot()));
        return out;
    }
}
