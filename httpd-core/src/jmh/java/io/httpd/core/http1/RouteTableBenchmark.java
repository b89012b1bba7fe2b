package io.httpd.core.http1;

import io.httpd.api.Method;
import io.httpd.api.Response;
import io.httpd.api.RouteHandler;
import io.httpd.api.Status;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

import java.util.List;
import java.util.Set;

/**
 * {@link RouteTable#match} on a table of a small site (exact paths and nested prefixes): an
 * exact hit, a prefix hit under the longest prefix, and a path only {@code /} takes.
 */
public class RouteTableBenchmark extends Http1Benchmark {
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
