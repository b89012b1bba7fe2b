package io.httpd.core;

import io.httpd.api.ServerView;
import io.httpd.core.http1.TrafficCounters;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;

/** The {@link ServerView} handed to plugin factories: filled in as start-up proceeds. */
final class ServerInfo implements ServerView {
    private final String name;
    private final String version;
    private final Instant startTime = Instant.now();
    private final TrafficCounters counters; // its snapshot is a ServerView.Counters
    private volatile List<InetSocketAddress> listeners = List.of();
    private volatile List<RouteInfo> routes = List.of();
    private volatile List<PluginInfo> plugins;

    ServerInfo(String name, String version, List<PluginInfo> plugins,
               TrafficCounters counters) {
        this.name = name;
        this.version = version;
        this.plugins = List.copyOf(plugins);
        this.counters = counters;
    }

    TrafficCounters countersSource() {
        return counters;
    }

    void listeners(List<InetSocketAddress> bound) {
        this.listeners = List.copyOf(bound);
    }

    void routes(List<RouteInfo> mounted) {
        this.routes = List.copyOf(mounted);
    }

    /** Shows a generation's routes and plugins: at start, and when a reload put it in. */
    void generation(Generation g) {
        routes(g.routes.routes().stream()
                .map(r -> new RouteInfo(r.path(), r.handlerId(), r.methods())).toList());
        this.plugins = g.registry.all().stream().map(
                io.httpd.core.plugin.PluginRegistry.Found::info).toList();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public String runtime() {
        return Version.runtime();
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
        return counters.snapshot();
    }
}
