package io.httpd.dist;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Messages about a plugin's packaging say how to fix it, with the line or layout to use. */
class PluginHintsIT {
    private static final String FOLDER_LAYOUT = "a plugin with libraries is a folder: "
            + "plugins/NAME/ holding the plugin's jar and the jars it needs (mvn "
            + "dependency:copy-dependencies -DincludeScope=runtime puts them in one place)";

    @TempDir
    Path dir;
    private Path plugins;
    private Path work;
    private Path config;

    @BeforeEach
    void setUp() throws Exception {
        plugins = Files.createDirectories(dir.resolve("plugins"));
        work = Files.createDirectories(dir.resolve("work"));
        config = ImageProcess.writeConfig(dir, ImageProcess.PLUGINS_ON_ANY_PORT);
    }

    @Test
    void aModuleWithAProviderButNoProvidesLineIsToldTheLine() throws Exception {
        Map<String, String> sources = new HashMap<>(PluginJars.routeModule("forgot", "forgot", "f"));
        sources.put("module-info.java", "module forgot { requires io.httpd.api; }");
        Files.copy(PluginJars.module(work, "forgot.jar", sources, PluginJars.api()),
                plugins.resolve("forgot.jar"));
        ImageProcess.Result r = ImageProcess.run(dir, "-t", "-c", config.toString());
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("plugin.empty jar=\"plugins/forgot.jar\" reason=\"provides "
                + "none of the four plugin services; add to module-info.java of forgot: "
                + "\"provides io.httpd.api.RouteHandlerProvider with forgot.P;\"\""), r.output());
    }

    @Test
    void aLibraryLooseInPluginsIsPointedToTheFolderLayout() throws Exception {
        Path library = library();
        Files.copy(library, plugins.resolve("needed.jar"));
        Files.copy(needy(library), plugins.resolve("needy.jar"));
        ImageProcess.Result r = ImageProcess.run(dir, "-t", "-c", config.toString());
        assertEquals(2, r.exit(), r.output());
        assertTrue(r.output().lines().anyMatch(l -> l.startsWith("plugins/needy.jar: ")
                && l.endsWith("; " + FOLDER_LAYOUT)), r.output());
        assertTrue(r.output().contains("plugin.empty jar=\"plugins/needed.jar\" reason=\"provides "
                + "none of the four plugin services; a plugin's module-info.java ends with a line "
                + "such as \"provides io.httpd.api.RouteHandlerProvider with "
                + "your.package.YourProvider;\"; if this jar is a library of another plugin, "
                + FOLDER_LAYOUT + "\""), r.output());
    }

    @Test
    void theSameJarsInTheFolderLayoutLoad() throws Exception {
        Path library = library();
        Path folder = Files.createDirectories(plugins.resolve("needy"));
        Files.copy(library, folder.resolve("needed.jar"));
        Files.copy(needy(library), folder.resolve("needy.jar"));
        ImageProcess.Result r = ImageProcess.run(dir, "-t", "-c", config.toString());
        assertEquals(0, r.exit(), r.output());
    }

    private Path library() throws Exception {
        return PluginJars.module(work, "needed.jar", Map.of(
                "module-info.java", "module needed.lib { exports needed.lib; }",
                "needed/lib/Lib.java", "package needed.lib; public class Lib {}"));
    }

    private Path needy(Path library) throws Exception {
        Map<String, String> sources = new HashMap<>(PluginJars.routeModule("needy", "needy", "needy"));
        sources.put("module-info.java", "module needy { requires io.httpd.api; requires needed.lib;"
                + " provides io.httpd.api.RouteHandlerProvider with needy.P; }");
        return PluginJars.module(work, "needy.jar", sources, PluginJars.api(), library);
    }
}
