package io.httpd.core.http1;

import io.httpd.api.Method;
import io.httpd.api.Response;
import io.httpd.api.RouteHandler;
import io.httpd.api.Status;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * {@link RouteTable#match} on a table of a small site (exact paths and nested prefixes): an
 * exact hit, a prefix hit under the longest prefix, and a path only {@code /} takes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RouteTableBenchmark {
    @Param({"/echo", "/static/css/site.css", "/articles/2026/http-servers.html"})
    String path;

    private final RouteTable table = new RouteTable(List.of(
            route("/"), route("/echo"), route("/hello"), route("/info"), route("/metrics"),
            route("/static/"), route("/static/css/"), route("/api/"), route("/api/v1/")));

    private static RouteTable.Route route(String path) {
        RouteHandler handler = request -> Response.text(Status.OK, path);
        return new RouteTable.Route(path, "bench", handler, Set.of(Method.GET), 0);
    }

    @Benchmark
    public RouteTable.Route match() {
        return table.match(path);
    }
}
