package io.httpd.core;

import io.httpd.api.AccessLogSink;
import io.httpd.api.AccessRecord;
import io.httpd.api.PluginInstance;
import io.httpd.core.accesslog.AccessLogDispatcher;
import io.httpd.core.config.ConfigError;
import io.httpd.core.config.ConfigErrors;
import io.httpd.core.config.HttpdConfig;
import io.httpd.core.config.Listener;
import io.httpd.core.config.LoadedConfig;
import io.httpd.core.http1.HttpsUpgrade;
import io.httpd.core.http1.Generations;
import io.httpd.core.http1.Http1Context;
import io.httpd.core.server.Endpoint;
import io.httpd.core.server.HttpServer;
import io.httpd.core.http1.RouteTable;
import io.httpd.core.plugin.PluginRegistry;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One generation of the server: a checked httpd.toml, the plugins found for it, the instances
 * created from it, and what connections share ({@link #context}: routes, validators, access
 * log, limits, settings). Immutable once made. Holds are counted: the server holds the current
 * generation, and each exchange holds the one it started on; when the server let go and the
 * last exchange ended, {@link #unheld} runs once, and a hold can no longer be taken.
 */
final class Generation implements Generations.Lease {
    final long number;
    final HttpdConfig config;
    final PluginRegistry registry;
    final PluginInstances plugins;
    final RouteTable routes;
    final AccessLogDispatcher accessLog;
    final Http1Context context;
    final List<Endpoint> endpoints;
    private final AtomicInteger holds = new AtomicInteger(1); // the server's, while current
    private volatile Consumer<Generation> unheld = g -> { };

    private Generation(long number, HttpdConfig config, PluginRegistry registry,
                       PluginInstances plugins, AccessLogDispatcher accessLog,
                       Http1Context context) {
        this.number = number;
        this.config = config;
        this.registry = registry;
        this.plugins = plugins;
        this.routes = context.routes();
        this.accessLog = accessLog;
        this.context = context;
        this.endpoints = endpoints(config, plugins);
    }

    /**
     * Creates every plugin instance of a config (carrying over those of {@code previous} that
     * are made of the same), and the access-log feeds of its new sinks.
     *
     * @param previous the generation serving now, or null at start-up
     * @param counted  also receives each access record (the admin listener's counts), or null
     * @throws ConfigErrors every problem, core and plugins, in file order; nothing created
     *                      stays open
     */
    static Generation create(long number, LoadedConfig loaded, PluginRegistry registry,
                             ServerInfo info, Generation previous, Consumer<AccessRecord> counted)
            throws ConfigErrors {
        HttpdConfig config = loaded.config();
        List<ConfigError> errors = new ArrayList<>(loaded.errors());
        PluginInstances plugins = PluginInstances.create(config, registry, info, errors,
                previous == null ? null : previous.plugins);
        if (!errors.isEmpty()) {
            plugins.close();
            throw ConfigErrors.inFileOrder(errors);
        }
        AccessLogDispatcher accessLog = previous == null
                ? new AccessLogDispatcher(plugins.sinks, plugins.sinkIds,
                        AccessLogDispatcher.QUEUE_CAPACITY)
                : previous.accessLog.next(plugins.sinks, plugins.sinkIds,
                        AccessLogDispatcher.QUEUE_CAPACITY);
        Consumer<AccessRecord> records = counted != null ? r -> {
            counted.accept(r);
            accessLog.submit(r);
        } : plugins.sinks.isEmpty() ? Http1Context.NO_ACCESS_LOG : accessLog::submit;
        Http1Context ctx = new Http1Context(config.limits(), config.server().name(),
                new RouteTable(plugins.routes), plugins.validators, records,
                info.countersSource(), config.server().requestIdHeader())
                .withTrustedProxies(config.server().trustedProxies(),
                        config.server().forwardedHeader().equals("Forwarded"));
        return new Generation(number, config, registry, plugins, accessLog, ctx);
    }

    private static List<Endpoint> endpoints(HttpdConfig config, PluginInstances plugins) {
        List<Endpoint> list = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Listener l : config.listeners()) {
            int n = seen.merge(l.address(), 1, Integer::sum); // "127.0.0.1:0" twice: two keys
            list.add(new Endpoint(l.address() + "#" + n, new InetSocketAddress(l.host(),
                    l.port()), l.tls() == null ? null : plugins.tls.get(l.tls()),
                    l.proxyProtocol(), l.reusePort(),
                    new HttpsUpgrade(l.redirectHttps(), l.hsts())));
        }
        return list;
    }

    /** Takes a hold for one exchange; false once the generation was let go by everyone. */
    boolean hold() {
        while (true) {
            int n = holds.get();
            if (n == 0) {
                return false;
            }
            if (holds.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    /** What runs once nobody holds it any more. */
    void whenUnheld(Consumer<Generation> action) {
        this.unheld = action;
    }

    @Override
    public Http1Context context() {
        return context;
    }

    /** Lets go of one hold: an exchange's end, or the server's when a newer one is in. */
    @Override
    public void close() {
        if (holds.decrementAndGet() == 0) {
            unheld.accept(this);
        }
    }

    /** Its instances, sinks included, in order of creation; compared by identity. */
    Set<PluginInstance> instances() {
        Set<PluginInstance> set = Collections.newSetFromMap(new IdentityHashMap<>());
        set.addAll(plugins.instances());
        return set;
    }

    /**
     * Closes what a generation that never served created: its new sinks' feeds, then its new
     * instances (not those carried over, which the serving generation still uses).
     */
    void discard(Generation serving) {
        Set<PluginInstance> theirs = serving == null ? Set.of() : serving.instances();
        Set<AccessLogSink> fresh = Collections.newSetFromMap(new IdentityHashMap<>());
        plugins.sinks.stream().filter(s -> !theirs.contains(s)).forEach(fresh::add);
        accessLog.close(fresh);
        plugins.close();
    }
}
