package io.httpd.core.http1;

import io.httpd.api.AccessRecord;
import io.httpd.api.Method;
import io.httpd.api.Response;
import io.httpd.api.Status;
import io.httpd.core.config.Limits;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Whole exchanges through {@link Connection}'s loop, as wrk makes them: a keep-alive connection
 * of {@value #REQUESTS} requests {@code GET /hello} with only a Host field, each answered by a
 * handler with a 13-byte text response, the bytes written dropped. The time is per exchange
 * (the connection's set-up is spread over its requests). {@code accessLog}: {@code none} as
 * with no sink and no admin listener, {@code sink} with a consumer that drops every record.
 */
public class ConnectionBenchmark extends Http1Benchmark {
    static final int REQUESTS = 1000;
    private static final byte[] REQUEST = "GET /hello HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n"
            .getBytes(StandardCharsets.ISO_8859_1);

    @Param({"none", "sink"})
    String accessLog;

    private Generations generations;

    @Setup
    public void mount() {
        Response hello = Response.text(Status.OK, "Hello, world!");
        RouteTable routes = new RouteTable(List.of(new RouteTable.Route("/hello", "greeting",
                request -> hello, Set.of(Method.GET), 0)));
        Consumer<AccessRecord> records = accessLog.equals("none") ? Http1Context.NO_ACCESS_LOG
                : r -> { };
        generations = Generations.fixed(new Http1Context(Limits.defaults(), "httpd", routes,
                List.of(), records, new TrafficCounters(), ""));
    }

    @Benchmark
    @OperationsPerInvocation(REQUESTS)
    public void keepAlive() {
        new Connection(new ReplayTransport(REQUEST, REQUESTS), generations, () -> false).run();
    }
}
