package io.httpd.core;

import io.httpd.core.event.Events;
import io.httpd.api.AccessRecord;
import io.httpd.core.admin.ReloadResult;
import io.httpd.core.config.ConfigError;
import io.httpd.core.config.ConfigErrors;
import io.httpd.core.config.ConfigLoader;
import io.httpd.core.config.LoadedConfig;
import io.httpd.core.server.HttpServer;
import io.httpd.core.server.Rebind;
import io.httpd.core.plugin.PluginException;
import io.httpd.core.plugin.PluginRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A reload: httpd.toml read and checked again (every error at once, as {@code -t}), the
 * plugins folder scanned again, every instance created (or carried over), the new listeners
 * bound; only when all of that succeeded does the new generation go in, and the carried
 * instances get their own {@code reload()}. Otherwise nothing changes: what was made is
 * closed, each problem is logged, and the instances serving now get {@code reload()} (so that
 * logrotate's SIGHUP still reopens the logs). One reload at a time.
 */
final class ConfigReload {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigReload.class);

    private final Path file;
    private final ServerInfo info;
    private final CurrentGeneration generations;
    private final HttpServer server;
    private final Consumer<AccessRecord> counted;

    ConfigReload(Path file, ServerInfo info, CurrentGeneration generations, HttpServer server,
                 Consumer<AccessRecord> counted) {
        this.file = file;
        this.info = info;
        this.generations = generations;
        this.server = server;
        this.counted = counted;
    }

    synchronized ReloadResult run() {
        long start = System.nanoTime();
        Generation old = generations.generation();
        Generation next;
        try {
            next = build(old);
        } catch (ConfigErrors e) {
            return failed(old, e.errors().stream().map(ConfigError::format).toList(), start);
        } catch (PluginException e) {
            return failed(old, e.problems(), start);
        }
        Rebind rebind;
        try {
            rebind = server.rebind(next.endpoints);
        } catch (IOException e) {
            next.discard(old);
            return failed(old, List.of(file + ": listen: " + e.getMessage()), start);
        }
        GenerationChanges changes = GenerationChanges.between(old, next, rebind.added(),
                rebind.removed());
        generations.swap(next);
        info.generation(next);
        rebind.commit(next.config.server().shutdownGrace());
        info.listeners(server.boundAddresses());
        List<String> failed = next.plugins.reload(true);
        long millis = (System.nanoTime() - start) / 1_000_000;
        var event = changes.addTo(LOG.atInfo().setMessage(Events.SERVER_RELOAD)
                .addKeyValue("generation", next.number)).addKeyValue("took_ms", millis);
        (failed.isEmpty() ? event : event.addKeyValue("reload_failed", failed)).log();
        return new ReloadResult(next.number, changes.lines(), failed, millis, true);
    }

    private Generation build(Generation old) throws ConfigErrors, PluginException {
        LoadedConfig loaded = ConfigLoader.read(file);
        PluginRegistry registry;
        try {
            registry = old.registry.rediscover(loaded.config().server().pluginsDir());
        } catch (PluginException e) {
            List<String> problems = new ArrayList<>();
            loaded.errors().forEach(c -> problems.add(c.format()));
            problems.addAll(e.problems());
            throw new PluginException(problems);
        }
        return Generation.create(old.number + 1, loaded, registry, info, old, counted);
    }

    private ReloadResult failed(Generation old, List<String> problems, long start) {
        long millis = (System.nanoTime() - start) / 1_000_000;
        for (String problem : problems) {
            LOG.atError().setMessage(Events.SERVER_RELOAD_FAILED).addKeyValue("error", problem)
                    .log();
        }
        List<String> failed = old.plugins.reload(false);
        LOG.atWarn().setMessage(Events.SERVER_RELOAD_FAILED).addKeyValue("generation", old.number)
                .addKeyValue("errors", problems.size()).addKeyValue("took_ms", millis)
                .addKeyValue("reload_failed", failed).log();
        List<String> all = new ArrayList<>(problems);
        all.addAll(failed);
        return new ReloadResult(old.number, List.of(), all, millis, false);
    }
}
