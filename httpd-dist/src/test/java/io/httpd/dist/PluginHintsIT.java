package io.httpd.dist;

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

    private final PluginFolder folder;

    PluginHintsIT(@TempDir Path dir) throws Exception {
        folder = PluginFolder.under(dir, ImageProcess.PLUGINS_ON_ANY_PORT);
    }

    @Test
    void aModuleWithAProviderButNoProvidesLineIsToldTheLine() throws Exception {
        Map<String, String> sources = new HashMap<>(PluginJars.routeModule("forgot", "forgot", "f"));
        sources.put("module-info.java", "module forgot { requires io.httpd.api; }");
        Files.copy(PluginJars.module(folder.work(), "forgot.jar", sources, PluginJars.api()),
                folder.plugins().resolve("forgot.jar"));
        ImageProcess.Result r = folder.run("-t");
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("plugin.empty jar=\"plugins/forgot.jar\" reason=\"provides "
                + "none of the four plugin services; add to module-info.java of forgot: "
                + "\"provides io.httpd.api.RouteHandlerProvider with forgot.P;\"\""), r.output());
    }

    @Test
    void aLibraryLooseInPluginsIsPointedToTheFolderLayout() throws Exception {
        Path library = folder.library();
        Files.copy(library, folder.plugins().resolve("needed.jar"));
        Files.copy(folder.needy(library), folder.plugins().resolve("needy.jar"));
        ImageProcess.Result r = folder.run("-t");
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
        Path library = folder.library();
        Path layout = Files.createDirectories(folder.plugins().resolve("needy"));
        Files.copy(library, layout.resolve("needed.jar"));
        Files.copy(folder.needy(library), layout.resolve("needy.jar"));
        ImageProcess.Result r = folder.run("-t");
        assertEquals(0, r.exit(), r.output());
    }
}
