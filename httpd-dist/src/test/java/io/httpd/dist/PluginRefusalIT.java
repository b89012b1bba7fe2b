package io.httpd.dist;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Broken plugins, each a real jar assembled by the test: the server names the jar and the
 * reason and refuses to start, even with a good plugin beside the broken one.
 */
class PluginRefusalIT {
    @TempDir
    Path dir;
    private Path plugins;
    private Path work;
    private Path config;

    @BeforeEach
    void setUp() throws Exception {
        plugins = Files.createDirectories(dir.resolve("plugins"));
        work = Files.createDirectories(dir.resolve("work"));
        Files.copy(PluginJars.EXAMPLE, plugins.resolve("greeting.jar"));
        config = ImageProcess.writeConfig(dir, ImageProcess.PLUGINS_ON_ANY_PORT + """

                [[route]]
                path = "/hello"
                handler = "greeting"
                """);
    }

    private String refusal() throws Exception {
        ImageProcess.Result r = ImageProcess.run(dir, "-t", "-c", config.toString());
        assertEquals(2, r.exit(), r.output());
        return r.output();
    }

    @Test
    void aCorruptJar() throws Exception {
        byte[] jar = Files.readAllBytes(PluginJars.EXAMPLE);
        Files.write(plugins.resolve("broken.jar"), java.util.Arrays.copyOf(jar, jar.length / 2));
        assertTrue(refusal().startsWith("plugins/broken.jar: "), refusal());
    }

    @Test
    void aMissingRequiredModule() throws Exception {
        Path needed = PluginJars.module(work, "needed.jar", Map.of(
                "module-info.java", "module needed.lib { exports needed.lib; }",
                "needed/lib/Lib.java", "package needed.lib; public class Lib {}"));
        Map<String, String> sources = new java.util.HashMap<>(
                PluginJars.routeModule("needy", "needy", "needy"));
        sources.put("module-info.java", "module needy { requires io.httpd.api; requires needed.lib;"
                + " provides io.httpd.api.RouteHandlerProvider with needy.P; }");
        Files.copy(PluginJars.module(work, "needy.jar", sources, PluginJars.api(), needed),
                plugins.resolve("needy.jar"));
        String out = refusal();
        assertTrue(out.startsWith("plugins/needy.jar: ") && out.contains("needed.lib"), out);
    }

    @Test
    void aPackageTheImageHas() throws Exception {
        Files.copy(PluginJars.routeJar(work, "split.jar", "split", "io.httpd.core.http1", "split"),
                plugins.resolve("split.jar"));
        assertEquals("plugins/split.jar: package io.httpd.core.http1 of module split is already"
                + " in module io.httpd.core of the image", refusal());
    }

    @Test
    void twoJarsWithOneModuleName() throws Exception {
        Files.copy(PluginJars.EXAMPLE, plugins.resolve("greeting-copy.jar"));
        assertEquals("plugins/greeting.jar: module example.greeting is already in "
                + "plugins/greeting-copy.jar", refusal());
    }

    @Test
    void twoProvidersOfOneId() throws Exception {
        Files.copy(PluginJars.routeJar(work, "other.jar", "other.greeting", "other.greeting",
                "greeting"), plugins.resolve("other.jar"));
        assertEquals("plugins/other.jar: route handler id 'greeting' is provided by both "
                + "example.greeting (plugins/greeting.jar) and other.greeting (plugins/other.jar)",
                refusal());
    }

    @Test
    void aBundledCopyOfTheApi() throws Exception {
        Path folder = Files.createDirectories(plugins.resolve("bundled"));
        Files.copy(PluginJars.api(), folder.resolve("httpd-api.jar"));
        Files.copy(PluginJars.routeJar(work, "b.jar", "bundler", "bundler", "bundler"),
                folder.resolve("b.jar"));
        assertTrue(refusal().contains("plugins/bundled: module io.httpd.api is already in the image"),
                refusal());
    }

    @Test
    void theServerDoesNotStartBesideABrokenPlugin() throws Exception {
        Files.writeString(plugins.resolve("broken.jar"), "not a zip");
        ImageProcess.Result r = ImageProcess.run(dir, "-c", config.toString());
        assertEquals(2, r.exit(), r.output());
        assertTrue(r.output().contains("plugins/broken.jar: "), r.output());
        assertFalse(r.output().contains("server.listen"), r.output());
    }

    @Test
    void filesThatAreNotJarsAreIgnoredWithAWarning() throws Exception {
        Files.writeString(plugins.resolve("README.txt"), "notes");
        ImageProcess.Result r = ImageProcess.run(dir, "-t", "-c", config.toString());
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("plugin.ignore"), r.output());
    }
}
