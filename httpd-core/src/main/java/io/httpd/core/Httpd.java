package io.httpd.core;

import io.httpd.api.AccessRecord;
import io.httpd.api.ServerView;
import io.httpd.api.TlsProvider;
import io.httpd.core.admin.AdminServer;
import io.httpd.core.admin.Readiness;
import io.httpd.core.admin.ReloadLog;
import io.httpd.core.admin.RequestCounts;
import io.httpd.core.admin.ServerControl;
import io.httpd.core.accesslog.AccessLogDispatcher;
import io.httpd.core.config.ConfigError;
import io.httpd.core.config.ConfigErrors;
import io.httpd.core.config.HttpdConfig;
import io.httpd.core.config.LoadedConfig;
import io.httpd.core.config.Listener;
import io.httpd.core.http1.Counters;
import io.httpd.core.http1.Http1Context;
import io.httpd.core.http1.HttpServer;
import io.httpd.core.http1.HttpsUpgrade;
import io.httpd.core.http1.RouteTable;
import io.httpd.core.plugin.PluginRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One configured server: plugin instances created from httpd.toml, the access-log queues, and
 * the listeners. {@link #create} binds nothing, so {@code -t} uses it too.
 */
public final class Httpd {
    private static final Logger LOG = LoggerFactory.getLogger(Httpd.class);

    private final HttpdConfig config;
    private final ServerInfo info;
    private final PluginInstances plugins;
    private final AccessLogDispatcher accessLog;
    private final HttpServer server;
    private final Readiness readiness = new Readiness();
    private final AdminServer admin; // null when [admin] is absent
    private volatile Runnable drainRequest = () -> { };
    private final ReloadLog reloads = new ReloadLog();

    private Httpd(HttpdConfig config, ServerInfo info, PluginInstances plugins) {
        this.config = config;
        this.info = info;
        this.plugins = plugins;
        this.accessLog = new AccessLogDispatcher(plugins.sinks, plugins.sinkIds,
                AccessLogDispatcher.QUEUE_CAPACITY);
        Counters counters = info.countersSource();
        counters.accessLogDrops(accessLog::dropsBySink);
        RouteTable routes = new RouteTable(plugins.routes);
        info.routes(routes.routes().stream()
                .map(r -> new ServerView.RouteInfo(r.path(), r.handlerId(), r.methods())).toList());
        Consumer<AccessRecord> records = accessLog::submit;
        if (config.admin() != null) {
            RequestCounts counts = new RequestCounts(); // counted only when someone can read them
            records = r -> {
                counts.count(r);
                accessLog.submit(r);
            };
            admin = new AdminServer(config.admin(), config.server().name(), info, readiness, counts,
                    reloads, control());
        } else {
            admin = null;
        }
        Http1Context ctx = new Http1Context(config.limits(), config.server().name(), routes,
                plugins.validators, records, counters, config.server().requestIdHeader())
                .withTrustedProxies(config.server().trustedProxies(),
                        config.server().forwardedHeader().equals("Forwarded"));
        List<InetSocketAddress> addresses = new ArrayList<>();
        List<TlsProvider> tls = new ArrayList<>();
        List<Boolean> proxyProtocol = new ArrayList<>();
        List<HttpsUpgrade> https = new ArrayList<>();
        for (Listener l : config.listeners()) {
            proxyProtocol.add(l.proxyProtocol());
            https.add(new HttpsUpgrade(l.redirectHttps(), l.hsts()));
            addresses.add(new InetSocketAddress(l.host(), l.port()));
            tls.add(l.tls() == null ? null : plugins.tls.get(l.tls()));
        }
        this.server = new HttpServer(addresses, tls, proxyProtocol, https, ctx);
    }

    /**
     * Creates every plugin instance the config names.
     *
     * @throws ConfigErrors every problem, with the instances already created closed
     */
    public static Httpd create(HttpdConfig config, PluginRegistry registry) throws ConfigErrors {
        return create(new LoadedConfig(config, List.of()), registry);
    }

    /**
     * Creates every plugin instance of a config read as far as it goes, so that the plugins'
     * errors are reported with the core's.
     *
     * @throws ConfigErrors every problem, core and plugins, in file order; the instances
     *                      already created closed
     */
    public static Httpd create(LoadedConfig loaded, PluginRegistry registry) throws ConfigErrors {
        HttpdConfig config = loaded.config();
        ServerInfo info = new ServerInfo(config.server().name(), Version.current(),
                registry.all().stream().map(PluginRegistry.Found::info).toList(), new Counters());
        List<ConfigError> errors = new ArrayList<>(loaded.errors());
        PluginInstances plugins = PluginInstances.create(config, registry, info, errors);
        if (!errors.isEmpty()) {
            plugins.close();
            throw ConfigErrors.inFileOrder(errors);
        }
        return new Httpd(config, info, plugins);
    }

    /** Binds the listeners (the admin listener last) and serves; then {@code /ready} says 200. */
    public void start() throws IOException {
        server.start();
        info.listeners(server.boundAddresses());
        if (admin != null) {
            try {
                admin.start();
            } catch (IOException e) {
                stopQuietly();
                throw e;
            }
        }
        readiness.ready();
        LOG.atInfo().setMessage(Events.SERVER_START).addKeyValue("version", info.version())
                .addKeyValue("listen", server.boundAddresses().stream().map(HttpServer::format)
                        .toList())
                .addKeyValue("routes", info.routes().size())
                .addKeyValue("startup_ms", Duration.between(ProcessHandle.current().info()
                        .startInstant().orElse(info.startTime()), java.time.Instant.now())
                        .toMillis()).log();
    }

    /** One line per certificate each TLS table serves: subject, names, issuer, expiry. */
    public List<String> certificates() {
        List<String> lines = new ArrayList<>();
        plugins.tls.forEach((name, provider) -> provider.certificateChains().forEach(
                chain -> lines.add("tls." + name + ": " + CertificateLine.of(chain.getFirst()))));
        return lines;
    }

    /** The bound addresses. */
    public List<InetSocketAddress> addresses() {
        return server.boundAddresses();
    }

    /** The admin listener's bound address; empty when there is none. */
    public List<InetSocketAddress> adminAddresses() {
        return admin == null ? List.of() : admin.addresses();
    }

    private void stopQuietly() {
        try {
            server.stop(Duration.ZERO);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The live view plugins see. */
    public ServerView view() {
        return info;
    }

    /** How many plugin instances were created. */
    public int instanceCount() {
        return plugins.count();
    }

    /**
     * SIGHUP (and the admin listener's {@code POST /reload}): every plugin instance reloads.
     *
     * @return the ids of the instances whose reload failed; empty when all went well
     */
    public List<String> reload() {
        LOG.atInfo().setMessage(Events.SERVER_RELOAD).log();
        List<String> failed = plugins.reload();
        reloads.add(new ReloadLog.Reload(Instant.now(), failed));
        return failed;
    }

    /** What the admin listener's {@code POST /drain} runs: the process's own stop (SIGTERM's). */
    void onDrainRequest(Runnable stop) {
        this.drainRequest = stop;
    }

    private ServerControl control() {
        return new ServerControl() {
            @Override
            public void drain() {
                readiness.draining();
                drainRequest.run();
            }

            @Override
            public List<String> reload() {
                return Httpd.this.reload();
            }
        };
    }

    /**
     * Stops: {@code /ready} turns 503, listeners close, in-flight exchanges finish within the
     * grace period, the access-log queues drain, plugin instances close in reverse order, and
     * the admin listener closes last.
     *
     * @return how many connections were cut when the grace ran out
     */
    public int stop(Duration grace) throws InterruptedException {
        readiness.draining();
        int cut = server.stop(grace);
        accessLog.close();
        plugins.close();
        if (admin != null) {
            admin.stop();
        }
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
