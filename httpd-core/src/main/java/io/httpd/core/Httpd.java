package io.httpd.core;

import io.httpd.api.AccessRecord;
import io.httpd.api.ServerView;
import io.httpd.api.TlsProvider;
import io.httpd.core.admin.AdminServer;
import io.httpd.core.admin.Readiness;
import io.httpd.core.admin.ReloadLog;
import io.httpd.core.admin.RequestCounts;
import io.httpd.core.admin.ReloadResult;
import io.httpd.core.admin.ServerControl;
import io.httpd.core.accesslog.AccessLogDispatcher;
import io.httpd.core.config.ConfigError;
import io.httpd.core.config.ConfigErrors;
import io.httpd.core.config.HttpdConfig;
import io.httpd.core.config.LoadedConfig;
import io.httpd.core.config.Listener;
import io.httpd.core.event.Events;
import io.httpd.core.http1.TrafficCounters;
import io.httpd.core.http1.Http1Context;
import io.httpd.core.server.HttpServer;
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

    private final HttpdConfig config; // the first generation's: the admin listener's settings
    private final ServerInfo info;
    private final CurrentGeneration generations;
    private final HttpServer server;
    private final ConfigReload reloader;
    private final Readiness readiness = new Readiness();
    private final AdminServer admin; // null when [admin] is absent
    private volatile Runnable drainRequest = () -> { };
    private final ReloadLog reloads = new ReloadLog();

    private Httpd(LoadedConfig loaded, PluginRegistry registry, ServerInfo info)
            throws ConfigErrors {
        this.config = loaded.config();
        this.info = info;
        RequestCounts counts = config.admin() == null ? null : new RequestCounts();
        Generation first = Generation.create(1, loaded, registry, info, null,
                counts == null ? null : counts::count); // counted only when someone can read
        this.generations = new CurrentGeneration(first);
        info.generation(first);
        info.countersSource().accessLogDrops(() -> generations.generation().accessLog
                .dropsBySink());
        admin = counts == null ? null : new AdminServer(config.admin(), config.server().name(),
                info, readiness, counts, reloads, control(),
                info.countersSource());
        this.server = new HttpServer(first.endpoints, generations);
        this.reloader = new ConfigReload(config.file(), info, generations, server,
                counts == null ? null : counts::count);
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
                registry.all().stream().map(PluginRegistry.Found::info).toList(), new TrafficCounters());
        return new Httpd(loaded, registry, info);
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
        generations.generation().plugins.tls.forEach((name, provider) -> provider
                .certificateChains().forEach(
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

    /** The generation serving now. */
    Generation generation() {
        return generations.generation();
    }

    /** The live view plugins see. */
    public ServerView view() {
        return info;
    }

    /** How many plugin instances were created. */
    public int instanceCount() {
        return generations.generation().plugins.count();
    }

    /**
     * SIGHUP (and the admin listener's {@code POST /reload}): a new generation from httpd.toml
     * and plugins/, or, when anything in them fails, the old one serving on untouched.
     */
    public ReloadResult reload() {
        ReloadResult result = reloader.run();
        reloads.add(new ReloadLog.Reload(Instant.now(), result.problems()));
        return result;
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
            public ReloadResult reload() {
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
        generations.close(grace.plus(Duration.ofSeconds(15))); // sinks drain, instances close
        if (admin != null) {
            admin.stop();
        }
        return cut;
    }

    /** Closes the plugin instances of a server that was never started (for {@code -t}). */
    public void discard() {
        generations.generation().discard(null);
    }

    /** The shutdown grace of the config serving now. */
    public Duration shutdownGrace() {
        return generations.generation().config.server().shutdownGrace();
    }
}
