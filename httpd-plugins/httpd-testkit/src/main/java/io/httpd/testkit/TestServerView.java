package io.httpd.testkit;

import io.httpd.api.ServerView;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A {@link ServerView} for a factory under test: version {@code 0.0.0-test}, started at a fixed
 * instant, no listeners, routes or plugins, counters at zero, unless set. Not thread-safe to
 * change; set it up before handing it over.
 *
 * <pre>{@code
 * RouteHandler h = new GreetingProvider().create(config, new TestServerView().version("1.2.3"));
 * }</pre>
 */
public final class TestServerView implements ServerView {
    private String version = "0.0.0-test";
    private Instant startTime = Instant.parse("2026-01-01T00:00:00Z");
    private List<InetSocketAddress> listeners = List.of();
    private List<RouteInfo> routes = List.of();
    private List<PluginInfo> plugins = List.of();
    private Counters counters = new Counters(0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** Sets the version. */
    public TestServerView version(String value) {
        this.version = Objects.requireNonNull(value);
        return this;
    }

    /** Sets the start time. */
    public TestServerView startTime(Instant value) {
        this.startTime = Objects.requireNonNull(value);
        return this;
    }

    /** Sets the listeners' addresses. */
    public TestServerView listeners(List<InetSocketAddress> value) {
        this.listeners = List.copyOf(value);
        return this;
    }

    /** Sets the mounted routes. */
    public TestServerView routes(List<RouteInfo> value) {
        this.routes = List.copyOf(value);
        return this;
    }

    /** Sets the plugins found. */
    public TestServerView plugins(List<PluginInfo> value) {
        this.plugins = List.copyOf(value);
        return this;
    }

    /** Sets the counters that {@link #counters()} returns. */
    public TestServerView counters(Counters value) {
        this.counters = Objects.requireNonNull(value);
        return this;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public Instant startTime() {
        return startTime;
    }

    @Override
    public List<InetSocketAddress> listeners() {
        return listeners;
    }

    @Override
    public List<RouteInfo> routes() {
        return routes;
    }

    @Override
    public List<PluginInfo> plugins() {
        return plugins;
    }

    @Override
    public Counters counters() {
        return counters;
    }
}
