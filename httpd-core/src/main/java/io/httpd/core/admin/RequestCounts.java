package io.httpd.core.admin;

import io.httpd.api.AccessRecord;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Requests answered on the data listeners, by route, method and status class: one
 * {@link LongAdder} per combination, found without a lock, so that counting costs the
 * exchange's thread a map lookup and an uncontended add. Fed from the access-log records,
 * which every exchange that produced a status line yields.
 *
 * <p>The labels are bounded: routes come from httpd.toml ({@code none} when no route matched),
 * methods outside RFC 9110's standard ones count as {@code other}, statuses by class.
 */
public final class RequestCounts {
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE",
            "CONNECT", "OPTIONS", "TRACE", "PATCH");

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

    private final Map<Key, LongAdder> counts = new ConcurrentHashMap<>();

    /** Counts one exchange. */
    public void count(AccessRecord record) {
        Key key = new Key(record.route() == null ? "none" : record.route(),
                METHODS.contains(record.method()) ? record.method() : "other",
                record.status() / 100 + "xx");
        LongAdder adder = counts.get(key);
        if (adder == null) {
            adder = counts.computeIfAbsent(key, k -> new LongAdder());
        }
        adder.increment();
    }

    /** A sorted snapshot. */
    public Map<Key, Long> snapshot() {
        Map<Key, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
