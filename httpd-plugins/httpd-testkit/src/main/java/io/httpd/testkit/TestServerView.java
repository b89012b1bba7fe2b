package io.httpd.testkit;

import io.httpd.api.ServerView;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A {@link ServerView} for a factory under test: version {@code 0.0.0-test}, started at a fixed
 * instant, no listeners, routes or plugins, counters at zero, unless set. Immutable: each
 * setter returns a copy with that value.
 *
 * <pre>{@code
 * RouteHandler h = new GreetingProvider().create(config, new TestServerView().version("1.2.3"));
 * }</pre>
 *
 * @param version   the version
 * @param startTime the start time
 * @param listeners the listeners' addresses
 * @param routes    the mounted routes
 * @param plugins   the plugins found
 * @param counters  what {@link #counters()} returns
 */
public record TestServerView(String version, Instant startTime, List<InetSocketAddress> listeners,
        List<RouteInfo> routes, List<PluginInfo> plugins, Counters counters)
        implements ServerView {
    /** Checks and copies every value. */
    public TestServerView {
        Objects.requireNonNull(version);
        Objects.requireNonNull(startTime);
        listeners = List.copyOf(listeners);
        routes = List.copyOf(routes);
        plugins = List.copyOf(plugins);
        Objects.requireNonNull(counters);
    }

    /** The defaults. */
    public TestServerView() {
        this("0.0.0-test", Instant.parse("2026-01-01T00:00:00Z"), List.of(), List.of(), List.of(),
                new Counters(0, 0, 0, 0, 0, 0, 0, 0, 0));
    }

    /** With this version. */
    public TestServerView version(String value) {
        return new TestServerView(value, startTime, listeners, routes, plugins, counters);
    }

    /** With this start time. */
    public TestServerView startTime(Instant value) {
        return new TestServerView(version, value, listeners, routes, plugins, counters);
    }

    /** With these listeners' addresses. */
    public TestServerView listeners(List<InetSocketAddress> value) {
        return new TestServerView(version, startTime, value, routes, plugins, counters);
    }

    /** With these mounted routes. */
    public TestServerView routes(List<RouteInfo> value) {
        return new TestServerView(version, startTime, listeners, value, plugins, counters);
    }

    /** With these plugins found. */
    public TestServerView plugins(List<PluginInfo> value) {
        return new TestServerView(version, startTime, listeners, routes, value, counters);
    }

    /** With these counters. */
    public TestServerView counters(Counters value) {
        return new TestServerView(version, startTime, listeners, routes, plugins, value);
    }
}
