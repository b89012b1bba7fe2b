package io.httpd.core;

import io.httpd.api.ServerView.PluginInfo;
import io.httpd.core.server.HttpServer;
import io.httpd.core.http1.RouteTable;
import io.httpd.core.plugin.PluginRegistry;
import org.slf4j.spi.LoggingEventBuilder;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a reload changed, for the {@code server.reload} event and the admin listener's answer:
 * routes (by path; a path whose handler or methods changed counts as changed), listeners,
 * plugins (by kind and id: an upgrade is the same id from a new layer), and how many instances
 * were created or carried over.
 */
record GenerationChanges(List<String> routesAdded, List<String> routesRemoved,
                         List<String> routesChanged, List<String> listenersAdded,
                         List<String> listenersRemoved, List<String> pluginsAdded,
                         List<String> pluginsRemoved, List<String> pluginsUpgraded,
                         int created, int carried) {

    static GenerationChanges between(Generation old, Generation next,
                                     List<InetSocketAddress> added,
                                     List<InetSocketAddress> removed) {
        Map<String, String> before = routes(old.routes);
        Map<String, String> after = routes(next.routes);
        List<String> changed = new ArrayList<>();
        after.forEach((path, what) -> {
            if (before.containsKey(path) && !before.get(path).equals(what)) {
                changed.add(path);
            }
        });
        Map<String, PluginRegistry.Found> was = plugins(old.registry);
        Map<String, PluginRegistry.Found> is = plugins(next.registry);
        List<String> upgraded = new ArrayList<>();
        is.forEach((key, f) -> {
            PluginRegistry.Found o = was.get(key);
            if (o != null && o.provider() != f.provider()) {
                upgraded.add(name(o.info()) + " -> " + version(f.info()));
            }
        });
        int carried = next.plugins.carried();
        return new GenerationChanges(missing(after, before), missing(before, after), changed,
                added.stream().map(HttpServer::format).toList(),
                removed.stream().map(HttpServer::format).toList(),
                missing(is, was).stream().map(k -> name(is.get(k).info())).toList(),
                missing(was, is).stream().map(k -> name(was.get(k).info())).toList(),
                upgraded, next.plugins.count() - carried, carried);
    }

    private static Map<String, String> routes(RouteTable table) {
        Map<String, String> map = new LinkedHashMap<>();
        table.routes().forEach(r -> map.put(r.path(), r.handlerId() + " " + r.methods().stream()
                .map(io.httpd.api.Method::name).sorted().toList() + " " + r.bodyLimit() + " "
                + System.identityHashCode(r.handler()))); // a new instance: its config changed
        return map;
    }

    private static Map<String, PluginRegistry.Found> plugins(PluginRegistry registry) {
        Map<String, PluginRegistry.Found> map = new LinkedHashMap<>();
        registry.all().forEach(f -> map.put(f.kind().key() + " " + f.provider().id(), f));
        return map;
    }

    /** The keys of {@code a} that {@code b} lacks, in a's order. */
    private static List<String> missing(Map<String, ?> a, Map<String, ?> b) {
        return a.keySet().stream().filter(k -> !b.containsKey(k)).toList();
    }

    private static String name(PluginInfo i) {
        return i.id() + "@" + version(i);
    }

    private static String version(PluginInfo i) {
        return i.version().isEmpty() ? "(no version)" : i.version();
    }

    /** Each kind of change, in the order people read them, with what changed of that kind. */
    private Map<String, List<String>> kinds() {
        Map<String, List<String>> kinds = new LinkedHashMap<>();
        kinds.put("routes added", routesAdded);
        kinds.put("routes removed", routesRemoved);
        kinds.put("routes changed", routesChanged);
        kinds.put("listeners added", listenersAdded);
        kinds.put("listeners removed", listenersRemoved);
        kinds.put("plugins added", pluginsAdded);
        kinds.put("plugins removed", pluginsRemoved);
        kinds.put("plugins upgraded", pluginsUpgraded);
        return kinds;
    }

    /** One line per kind of change that happened; the instance counts always. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        kinds().forEach((what, items) -> {
            if (!items.isEmpty()) {
                lines.add(what + ": " + String.join(", ", items));
            }
        });
        lines.add("instances: " + created + " created, " + carried + " carried over");
        return lines;
    }

    /** Adds the changes to a {@code server.reload} event: the kinds that changed, the counts. */
    LoggingEventBuilder addTo(LoggingEventBuilder event) {
        kinds().forEach((what, items) -> key(event, what.replace(' ', '_'), items));
        return event.addKeyValue("instances_created", created)
                .addKeyValue("instances_carried", carried);
    }

    private static void key(LoggingEventBuilder event, String key, List<String> items) {
        if (!items.isEmpty()) {
            event.addKeyValue(key, items);
        }
    }
}
