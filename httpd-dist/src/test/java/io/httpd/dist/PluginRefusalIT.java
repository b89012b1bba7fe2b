package io.httpd.dist;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Broken plugins, each a real jar assembled by the test: the server names the jar and the
 * reason and refuses to start, even with a good plugin beside the broken one.
 */
class PluginRefusalIT {
    private final PluginFolder folder;

    PluginRefusalIT(@TempDir Path dir) throws Exception {
        folder = PluginFolder.under(dir, ImageProcess.PLUGINS_ON_ANY_PORT + """

                [[route]]
                path = "/hello"
                handler = "greeting"
                """);
        Files.copy(PluginJars.EXAMPLE, folder.plugins().resolve("greeting.jar"));
    }

    private String refusal() throws Exception {
        ImageProcess.Result r = folder.run("-t");
        assertEquals(2, r.exit(), r.output());
        return r.output();
    }

    @Test
    void aCorruptJar() throws Exception {
        byte[] jar = Files.readAllBytes(PluginJars.EXAMPLE);
        Files.write(folder.plugins().resolve("broken.jar"),
                java.util.Arrays.copyOf(jar, jar.length / 2));
        assertTrue(refusal().startsWith("plugins/broken.jar: "), refusal());
    }

    @Test
    void aMissingRequiredModule() throws Exception {
        Files.copy(folder.needy(folder.library()), folder.plugins().resolve("needy.jar"));
        String out = refusal();
        assertTrue(out.startsWith("plugins/needy.jar: ") && out.contains("needed.lib"), out);
    }

    @Test
    void aPackageTheImageHas() throws Exception {
        Files.copy(PluginJars.routeJar(folder.work(), "split.jar", "split", "io.httpd.core.http1",
                "split"), folder.plugins().resolve("split.jar"));
        assertEquals("plugins/split.jar: package io.httpd.core.http1 of module split is already"
                + " in module io.httpd.core of the image", refusal());
    }

    @Test
    void twoJarsWithOneModuleName() throws Exception {
        Files.copy(PluginJars.EXAMPLE, folder.plugins().resolve("greeting-copy.jar"));
        assertEquals("plugins/greeting.jar: module example.greeting is already in "
                + "plugins/greeting-copy.jar", refusal());
    }

    @Test
    void twoProvidersOfOneId() throws Exception {
        Files.copy(PluginJars.routeJar(folder.work(), "other.jar", "other.greeting",
                "other.greeting", "greeting"), folder.plugins().resolve("other.jar"));
        assertEquals("plugins/other.jar: route handler id 'greeting' is provided by both "
                + "example.greeting (plugins/greeting.jar) and other.greeting (plugins/other.jar)",
                refusal());
    }

    @Test
    void aBundledCopyOfTheApi() throws Exception {
        Path bundled = Files.createDirectories(folder.plugins().resolve("bundled"));
        Files.copy(PluginJars.api(), bundled.resolve("httpd-api.jar"));
        Files.copy(PluginJars.routeJar(folder.work(), "b.jar", "bundler", "bundler", "bundler"),
                bundled.resolve("b.jar"));
        assertTrue(refusal().contains("plugins/bundled: module io.httpd.api is already in the image"),
                refusal());
    }

    @Test
    void theServerDoesNotStartBesideABrokenPlugin() throws Exception {
        Files.writeString(folder.plugins().resolve("broken.jar"), "not a zip");
        ImageProcess.Result r = folder.run();
        assertEquals(2, r.exit(), r.output());
        assertTrue(r.output().contains("plugins/broken.jar: "), r.output());
        assertFalse(r.output().contains("server.listen"), r.output());
    }

    @Test
    void filesThatAreNotJarsAreIgnoredWithAWarning() throws Exception {
        Files.writeString(folder.plugins().resolve("README.txt"), "notes");
        ImageProcess.Result r = folder.run("-t");
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("plugin.ignore"), r.output());
    }
}
