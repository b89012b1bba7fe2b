package io.httpd.core.plugin;

import io.httpd.api.PluginProvider;

import java.io.IOException;
import java.lang.module.ModuleReader;
import java.lang.module.ResolvedModule;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What to do about a plugin that provides nothing: the exact line its module-info.java lacks
 * (or the services file, for a plain jar), found by looking for a class that implements a
 * provider interface; for a jar with none, the folder layout in case it is a library.
 */
final class ProvidesHint {
    /** Where a plugin's libraries go. */
    static final String FOLDER_LAYOUT = "a plugin with libraries is a folder: plugins/NAME/ "
            + "holding the plugin's jar and the jars it needs (mvn dependency:copy-dependencies "
            + "-DincludeScope=runtime puts them in one place)";

    private ProvidesHint() {
    }

    static String of(ModuleLayer layer, boolean folder) {
        List<String> lines = new ArrayList<>();
        for (ResolvedModule m : layer.configuration().modules()) {
            Module module = layer.findModule(m.name()).orElseThrow();
            for (String className : classes(m)) {
                PluginKind kind = kindOf(module, className);
                if (kind != null) {
                    lines.add(line(module, kind, className));
                }
            }
        }
        if (!lines.isEmpty()) {
            return String.join("; ", lines);
        }
        return "a plugin's module-info.java ends with a line such as \"provides "
                + "io.httpd.api.RouteHandlerProvider with your.package.YourProvider;\""
                + (folder ? "" : "; if this jar is a library of another plugin, "
                + FOLDER_LAYOUT);
    }

    private static String line(Module module, PluginKind kind, String className) {
        String service = kind.service().getName();
        return module.getDescriptor().isAutomatic()
                ? "add the file META-INF/services/" + service + " containing the line "
                        + className
                : "add to module-info.java of " + module.getName() + ": \"provides " + service
                        + " with " + className + ";\"";
    }

    private static PluginKind kindOf(Module module, String className) {
        Class<?> type;
        try {
            type = Class.forName(module, className);
        } catch (LinkageError e) { // a class that cannot load is no provider to suggest
            return null;
        }
        if (type == null || type.isInterface() || Modifier.isAbstract(type.getModifiers())
                || !PluginProvider.class.isAssignableFrom(type)) {
            return null;
        }
        for (PluginKind kind : PluginKind.values()) {
            if (kind.service().isAssignableFrom(type)) {
                return kind;
            }
        }
        return null;
    }

    private static List<String> classes(ResolvedModule module) {
        try (ModuleReader reader = module.reference().open(); Stream<String> names = reader.list()) {
            return names.filter(n -> n.endsWith(".class") && !n.endsWith("module-info.class")
                            && !n.startsWith("META-INF/"))
                    .map(n -> n.substring(0, n.length() - 6).replace('/', '.')).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
