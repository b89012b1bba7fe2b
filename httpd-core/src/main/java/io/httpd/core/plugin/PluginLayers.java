package io.httpd.core.plugin;

import io.httpd.api.PluginProvider;
import io.httpd.core.event.Events;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.module.ResolutionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Drop-in plugins: every {@code *.jar} directly in the plugins folder, and every sub-folder (a
 * plugin with its private libraries), becomes a module layer of its own, a child of the boot
 * layer, searched for the four provider types, keeping only that layer's own providers. One
 * broken plugin cannot take the others down, but each is reported, and start-up then stops.
 *
 * <p>Refused, each with the jar or folder named: a corrupt jar; a module the image already has
 * (a bundled copy of io.httpd.api, say) or that another plugin has; a package the image or
 * another plugin already has; a required module that is missing.
 */
final class PluginLayers {
    private static final Logger LOG = LoggerFactory.getLogger(PluginLayers.class);

    /** Where each module and package came from: the image, or a plugin's jar or folder. */
    private final Map<String, String> moduleOwners = new HashMap<>();
    private final Map<String, String> packageOwners = new HashMap<>();
    private final List<String> problems;
    private final Path dir;
    private final Map<Path, Unit> previous;
    private final Map<Path, Unit> loaded = new HashMap<>();

    /**
     * A jar or folder loaded into its layer.
     *
     * @param stamp   the sizes and modification times of its files, to tell a replaced one
     * @param modules its modules
     * @param found   its providers
     */
    record Unit(String stamp, Set<ModuleReference> modules, List<PluginRegistry.Found> found) {
    }

    private PluginLayers(Path dir, List<String> problems, Map<Path, Unit> previous) {
        this.dir = dir;
        this.problems = problems;
        this.previous = previous;
        for (Module m : ModuleLayer.boot().modules()) {
            moduleOwners.put(m.getName(), "the image");
            m.getPackages().forEach(p -> packageOwners.put(p, "module " + m.getName()
                    + " of the image"));
        }
    }

    /**
     * Loads every plugin in a folder; a missing folder has none.
     *
     * @param problems receives one line per refusal: {@code plugins/NAME.jar: reason}
     */
    static List<PluginRegistry.Found> load(Path dir, List<String> problems) {
        return load(dir, problems, Map.of(), new HashMap<>());
    }

    /**
     * Loads every plugin in a folder, keeping the layer of each jar or folder that is in
     * {@code previous} unchanged (a reload: its providers, so its instances, carry over).
     *
     * @param loaded receives every unit loaded, by path
     */
    static List<PluginRegistry.Found> load(Path dir, List<String> problems,
                                           Map<Path, Unit> previous, Map<Path, Unit> loaded) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        PluginLayers layers = new PluginLayers(dir, problems, previous);
        List<PluginRegistry.Found> found = new ArrayList<>();
        for (Path entry : entries(dir, problems)) {
            found.addAll(layers.loadUnit(entry));
        }
        loaded.putAll(layers.loaded);
        return found;
    }

    /** The sizes and modification times of a jar, or of every file in a folder. */
    private static String stamp(Path unit) throws IOException {
        try (Stream<Path> files = Files.walk(unit)) {
            StringBuilder stamp = new StringBuilder();
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                stamp.append(f).append(' ').append(Files.size(f)).append(' ')
                        .append(Files.getLastModifiedTime(f).toMillis()).append('\n');
            }
            return stamp.toString();
        }
    }

    private static List<Path> entries(Path dir, List<String> problems) {
        try (Stream<Path> list = Files.list(dir)) {
            List<Path> units = new ArrayList<>();
            for (Path p : list.sorted().toList()) {
                if (Files.isDirectory(p) || p.getFileName().toString().endsWith(".jar")) {
                    units.add(p);
                } else {
                    LOG.atWarn().setMessage(Events.PLUGIN_IGNORE).addKeyValue("file", p)
                            .addKeyValue("reason", "not a jar or folder").log();
                }
            }
            return units;
        } catch (IOException e) {
            problems.add(dir + ": cannot list plugins: " + e.getMessage());
            return List.of();
        }
    }

    private List<PluginRegistry.Found> loadUnit(Path unit) {
        String name = label(unit);
        String stamp;
        try {
            stamp = stamp(unit);
        } catch (IOException e) {
            problems.add(name + ": cannot read: " + e.getMessage());
            return List.of();
        }
        Unit kept = previous.get(unit);
        if (kept != null && kept.stamp().equals(stamp)) {
            if (!claim(name, kept.modules())) {
                return List.of();
            }
            loaded.put(unit, kept);
            return kept.found();
        }
        List<PluginRegistry.Found> found = loadLayer(unit, name);
        try {
            loaded.put(unit, new Unit(stamp, ModuleFinder.of(unit).findAll(), found));
        } catch (FindException e) {
            // reported by loadLayer
        }
        return found;
    }

    private List<PluginRegistry.Found> loadLayer(Path unit, String name) {
        try {
            ModuleFinder finder = ModuleFinder.of(unit);
            Set<ModuleReference> refs = finder.findAll();
            if (refs.isEmpty()) {
                problems.add(name + ": no module in it");
                return List.of();
            }
            if (!claim(name, refs)) {
                return List.of();
            }
            Set<String> roots = new TreeSet<>();
            refs.forEach(r -> roots.add(r.descriptor().name()));
            Configuration cf = ModuleLayer.boot().configuration()
                    .resolveAndBind(finder, ModuleFinder.of(), roots);
            ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(cf,
                    ClassLoader.getSystemClassLoader());
            return providers(layer, name, Files.isDirectory(unit));
        } catch (FindException e) {
            problems.add(name + ": " + reason(e) + (Files.isDirectory(unit) ? ""
                    : "; " + ProvidesHint.FOLDER_LAYOUT));
        } catch (ResolutionException | LayerInstantiationException e) {
            problems.add(name + ": " + e.getMessage());
        } catch (java.util.ServiceConfigurationError | LinkageError e) {
            problems.add(name + ": cannot load a provider: " + e.getMessage());
        }
        return List.of();
    }

    /** Records the unit's modules and packages, refusing any the image or a plugin has. */
    private boolean claim(String name, Set<ModuleReference> refs) {
        boolean ok = true;
        for (ModuleReference ref : refs) {
            ModuleDescriptor d = ref.descriptor();
            String owner = moduleOwners.putIfAbsent(d.name(), name);
            if (owner != null) {
                problems.add(name + ": module " + d.name() + " is already in " + owner
                        + (owner.equals("the image") ? " (a plugin must not bundle its own copy)"
                        : ""));
                ok = false;
                continue;
            }
            for (String p : d.packages()) {
                String has = packageOwners.putIfAbsent(p, name);
                if (has != null) {
                    problems.add(name + ": package " + p + " of module " + d.name()
                            + " is already in " + has);
                    ok = false;
                }
            }
        }
        return ok;
    }

    private List<PluginRegistry.Found> providers(ModuleLayer layer, String name, boolean folder) {
        List<PluginRegistry.Found> found = new ArrayList<>();
        for (PluginKind kind : PluginKind.values()) {
            ServiceLoader.load(layer, kind.service()).stream()
                    .filter(p -> p.type().getModule().getLayer() == layer)
                    .forEach(p -> found.add(new PluginRegistry.Found(kind,
                            (PluginProvider<?>) p.get(), name)));
        }
        if (found.isEmpty()) {
            LOG.atWarn().setMessage(Events.PLUGIN_EMPTY).addKeyValue("jar", name)
                    .addKeyValue("reason", "provides none of the four plugin services; "
                            + ProvidesHint.of(layer, folder)).log();
        }
        return found;
    }

    /** {@code plugins/NAME.jar}: the folder's name and the entry, as operators see them. */
    private String label(Path unit) {
        return dir.getFileName() + "/" + unit.getFileName();
    }

    private static String reason(FindException e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = e.getMessage();
        return root == e ? message : message + " (" + root.getMessage() + ")";
    }
}
