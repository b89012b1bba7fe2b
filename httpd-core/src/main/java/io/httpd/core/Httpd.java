package io.httpd.core;

import io.httpd.api.ServerView;
import io.httpd.api.TlsProvider;
import io.httpd.core.accesslog.AccessLogDispatcher;
import io.httpd.core.config.ConfigError;
import io.httpd.core.config.ConfigErrors;
import io.httpd.core.config.HttpdConfig;
import io.httpd.core.config.Listener;
import io.httpd.core.http1.Counters;
import io.httpd.core.http1.Http1Context;
import io.httpd.core.http1.HttpServer;
import io.httpd.core.http1.RouteTable;
import io.httpd.core.plugin.PluginRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One configured server: plugin instances created from httpd.toml, the access-log queues, and
 * the listeners. {@link #create} binds nothing, so {@code -t} uses it too.
 */
public final class Httpd {
    private static final Logger LOG = LoggerFactory.getLogger(Httpd.class);
    /** Records each access-log sink's queue holds before new ones are dropped. */
    static final int ACCESS_LOG_QUEUE = 8192;

    private final HttpdConfig config;
    private final ServerInfo info;
    private final PluginInstances plugins;
    private final AccessLogDispatcher accessLog;
    private final HttpServer server;

    private Httpd(HttpdConfig config, ServerInfo info, PluginInstances plugins) {
        this.config = config;
        this.info = info;
        this.plugins = plugins;
        this.accessLog = new AccessLogDispatcher(plugins.sinks, ACCESS_LOG_QUEUE);
        Counters counters = info.countersSource();
        counters.accessLogDrops(accessLog::drops);
        RouteTable routes = new RouteTable(plugins.routes);
        info.routes(routes.routes().stream()
                .map(r -> new ServerView.RouteInfo(r.path(), r.handlerId(), r.methods())).toList());
        Http1Context ctx = new Http1Context(config.limits(), config.server().name(), routes,
                plugins.validators, accessLog::submit, counters,
                config.server().requestIdHeader())
                .withTrustedProxies(config.server().trustedProxies(),
                        config.server().forwardedHeader().equals("Forwarded"));
        List<InetSocketAddress> addresses = new ArrayList<>();
        List<TlsProvider> tls = new ArrayList<>();
        List<Boolean> proxyProtocol = new ArrayList<>();
        for (Listener l : config.listeners()) {
            proxyProtocol.add(l.proxyProtocol());
            addresses.add(new InetSocketAddress(l.host(), l.port()));
            tls.add(l.tls() == null ? null : plugins.tls.get(l.tls()));
        }
        this.server = new HttpServer(addresses, tls, proxyProtocol, ctx);
    }

    /**
     * Creates every plugin instance the config names.
     *
     * @throws ConfigErrors every problem, with the instances already created closed
     */
    public static Httpd create(HttpdConfig config, PluginRegistry registry) throws ConfigErrors {
        ServerInfo info = new ServerInfo(Version.current(),
                registry.all().stream().map(PluginRegistry.Found::info).toList(), new Counters());
        List<ConfigError> errors = new ArrayList<>();
        PluginInstances plugins = PluginInstances.create(config, registry, info, errors);
        if (!errors.isEmpty()) {
            plugins.close();
            throw new ConfigErrors(errors);
        }
        return new Httpd(config, info, plugins);
    }

    /** Binds the listeners and serves. */
    public void start() throws IOException {
        server.start();
        info.listeners(server.boundAddresses());
        LOG.atInfo().setMessage(Events.SERVER_START).addKeyValue("version", info.version())
                .addKeyValue("listen", server.boundAddresses().stream().map(HttpServer::format)
                        .toList())
                .addKeyValue("routes", info.routes().size())
                .addKeyValue("startup_ms", Duration.between(ProcessHandle.current().info()
                        .startInstant().orElse(info.startTime()), java.time.Instant.now())
                        .toMillis()).log();
    }

    /** The bound addresses. */
    public List<InetSocketAddress> addresses() {
        return server.boundAddresses();
    }

    /** The live view plugins see. */
    public ServerView view() {
        return info;
    }

    /** How many plugin instances were created. */
    public int instanceCount() {
        return plugins.count();
    }

    /** SIGHUP: every plugin instance reloads. */
    public void reload() {
        LOG.atInfo().setMessage(Events.SERVER_RELOAD).log();
        plugins.reload();
    }

    /**
     * Stops: listeners close, in-flight exchanges finish within the grace period, the
     * access-log queues drain, plugin instances close in reverse order.
     *
     * @return how many connections were cut when the grace ran out
     */
    public int stop(Duration grace) throws InterruptedException {
        int cut = server.stop(grace);
        accessLog.close();
        plugins.close();
        return cut;
    }

    /** Closes the plugin instances of a server that was never started (for {@code -t}). */
    public void discard() {
        accessLog.close();
        plugins.close();
    }

    /** The shutdown grace from the config. */
    public Duration shutdownGrace() {
        return config.server().shutdownGrace();
    }
}
