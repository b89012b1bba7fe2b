package io.httpd.dist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A folder for plugin tests: httpd.toml, {@code plugins/} beside it, and {@code work/} where the
 * test builds its jars before it drops them in.
 */
record PluginFolder(Path dir, Path plugins, Path work, Path config) {
    static PluginFolder under(Path dir, String toml) throws IOException {
        return new PluginFolder(dir, Files.createDirectories(dir.resolve("plugins")),
                Files.createDirectories(dir.resolve("work")), ImageProcess.writeConfig(dir, toml));
    }

    /** {@code bin/httpd FLAGS -c httpd.toml} from this folder, to its end; {@code -t} checks. */
    ImageProcess.Result run(String... flags) throws Exception {
        List<String> args = new ArrayList<>(List.of(flags));
        args.addAll(List.of("-c", config.toString()));
        return ImageProcess.run(dir, args.toArray(String[]::new));
    }

    /** A library module {@code needed.lib} that no plugin service names. */
    Path library() throws Exception {
        return PluginJars.module(work, "needed.jar", Map.of(
                "module-info.java", "module needed.lib { exports needed.lib; }",
                "needed/lib/Lib.java", "package needed.lib; public class Lib {}"));
    }

    /** A route handler plugin, module {@code needy}, that requires the {@link #library()}. */
    Path needy(Path library) throws Exception {
        Map<String, String> sources = new HashMap<>(
                PluginJars.routeModule("needy", "needy", "needy"));
        sources.put("module-info.java", "module needy { requires io.httpd.api; requires needed.lib;"
                + " provides io.httpd.api.RouteHandlerProvider with needy.P; }");
        return PluginJars.module(work, "needy.jar", sources, PluginJars.api(), library);
    }
}
