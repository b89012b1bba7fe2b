package io.httpd.core.plugin;

import io.httpd.api.PluginProvider;
import io.httpd.api.ServerView.PluginInfo;
import io.httpd.core.event.Events;
import org.slf4j.LoggerFactory;

import org.slf4j.event.Level;

import java.lang.module.ModuleDescriptor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Every plugin provider found, by kind and id. Built-in plugins come from the boot layer;
 * a duplicate id within one kind is refused with both modules named.
 */
public final class PluginRegistry {
    /**
     * A provider and where it came from.
     *
     * @param kind     its service type
     * @param provider the provider
     * @param source   the jar or folder it came from, or {@code "built-in"}
     */
    public record Found(PluginKind kind, PluginProvider<?> provider, String source) {
        /** The module and version, as listings show it. */
        public PluginInfo info() {
            Module module = provider.getClass().getModule();
            String version = Optional.ofNullable(module.getDescriptor())
                    .flatMap(ModuleDescriptor::rawVersion).orElse("");
            return new PluginInfo(kind.key(), provider.id(),
                    module.isNamed() ? module.getName() : "(unnamed)", version, source);
        }
    }

    /** The source of the plugins linked into the image. */
    public static final String BUILT_IN = "built-in";

    private final Map<PluginKind, Map<String, Found>> byKind = new LinkedHashMap<>();
    /** The drop-in jars and folders, by path, with their layers: a reload keeps unchanged ones. */
    private Map<Path, PluginLayers.Unit> units = Map.of();
    private List<Found> builtIn = List.of();

    private PluginRegistry() {
        for (PluginKind kind : PluginKind.values()) {
            byKind.put(kind, new LinkedHashMap<>());
        }
    }

    /**
     * Finds the built-in providers (the boot layer) and the drop-ins of a plugins folder, each
     * drop-in in a module layer of its own.
     *
     * @param pluginsDir the folder; a missing one holds no plugins
     * @throws PluginException listing every problem found
     */
    public static PluginRegistry discover(Path pluginsDir) throws PluginException {
        List<String> problems = new ArrayList<>();
        List<Found> builtIn = builtIn(problems);
        return discover(pluginsDir, builtIn, Map.of(), problems);
    }

    /**
     * Scans a plugins folder again (a reload): a jar or folder that did not change keeps its
     * layer and its providers; a new or replaced one gets a new layer. The built-in providers
     * stay the same.
     *
     * @throws PluginException listing every problem found
     */
    public PluginRegistry rediscover(Path pluginsDir) throws PluginException {
        return discover(pluginsDir, builtIn, units, new ArrayList<>());
    }

    private static PluginRegistry discover(Path pluginsDir, List<Found> builtIn,
                                           Map<Path, PluginLayers.Unit> previous,
                                           List<String> problems) throws PluginException {
        List<Found> found = new ArrayList<>(builtIn);
        Map<Path, PluginLayers.Unit> units = new java.util.HashMap<>();
        found.addAll(PluginLayers.load(pluginsDir, problems, previous, units));
        if (!problems.isEmpty()) {
            throw new PluginException(problems);
        }
        PluginRegistry registry = of(found);
        registry.units = Map.copyOf(units);
        registry.builtIn = List.copyOf(builtIn);
        return registry;
    }

    private static List<Found> builtIn(List<String> problems) {
        List<Found> found = new ArrayList<>();
        for (PluginKind kind : PluginKind.values()) {
            ServiceLoader<? extends PluginProvider<?>> loader =
                    ServiceLoader.load(ModuleLayer.boot(), kind.service());
            try {
                loader.forEach(p -> found.add(new Found(kind, p, BUILT_IN)));
            } catch (java.util.ServiceConfigurationError e) {
                problems.add("built-in: " + e.getMessage());
            }
        }
        return found;
    }

    /**
     * A registry of these providers.
     *
     * @throws PluginException when two providers of one kind share an id
     */
    public static PluginRegistry of(List<Found> providers) throws PluginException {
        PluginRegistry registry = new PluginRegistry();
        registry.builtIn = List.copyOf(providers); // what a rediscover keeps: all but drop-ins
        List<String> problems = new ArrayList<>();
        providers.forEach(f -> registry.add(f, problems));
        if (!problems.isEmpty()) {
            throw new PluginException(problems);
        }
        registry.all().forEach(f -> {
            PluginInfo i = f.info();
            LoggerFactory.getLogger(PluginRegistry.class)
                    .atLevel(f.source().equals(BUILT_IN) ? Level.DEBUG : Level.INFO)
                    .setMessage(Events.PLUGIN_LOAD)
                    .addKeyValue("kind", i.kind()).addKeyValue("id", i.id())
                    .addKeyValue("module", i.module()).addKeyValue("version", i.version())
                    .addKeyValue("source", i.source()).log();
        });
        return registry;
    }

    private void add(Found found, List<String> problems) {
        Map<String, Found> ids = byKind.get(found.kind());
        Found other = ids.putIfAbsent(found.provider().id(), found);
        if (other != null && other.provider().getClass() != found.provider().getClass()) {
            problems.add(found.source() + ": " + found.kind().noun() + " id '"
                    + found.provider().id() + "' is provided by both " + other.info().module()
                    + " (" + other.source() + ") and " + found.info().module() + " ("
                    + found.source() + ")");
        }
    }

    /** The provider of a kind with this id. */
    public Optional<Found> find(PluginKind kind, String id) {
        return Optional.ofNullable(byKind.get(kind).get(id));
    }

    /** The ids available for a kind, sorted. */
    public List<String> ids(PluginKind kind) {
        return byKind.get(kind).keySet().stream().sorted().toList();
    }

    /** Every provider, by kind then id. */
    public List<Found> all() {
        List<Found> all = new ArrayList<>();
        byKind.values().forEach(m -> all.addAll(m.values()));
        // a lambda of ours, which the AOT cache holds linked; Comparator.comparing's own are
        // generated at every start
        all.sort((a, b) -> a.kind() != b.kind() ? a.kind().compareTo(b.kind())
                : a.provider().id().compareTo(b.provider().id()));
        return all;
    }
}
