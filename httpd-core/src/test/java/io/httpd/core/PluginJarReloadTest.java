package io.httpd.core;

import io.httpd.core.admin.ReloadResult;
import io.httpd.core.config.ConfigLoader;
import io.httpd.core.http1.RawClient;
import io.httpd.core.plugin.PluginKind;
import io.httpd.core.plugin.PluginRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Plugin jars and reload: a jar dropped into plugins/ is usable after a reload; a replaced jar
 * is loaded into a new module layer and serves the next request, and the old layer's class
 * loader is collected once its generation retired; an unchanged jar keeps its layer.
 */
class PluginJarReloadTest {
    @TempDir
    Path dir;
    private Httpd httpd;
    private Path file;

    private static final String CONFIG = """
            [server]
            plugins_dir = "plugins"

            [[listen]]
            address = "127.0.0.1:0"
            """;
    private static final String ROUTE = "[[route]]\npath = \"/hi\"\nhandler = \"greeting\"\n";

    @AfterEach
    void stop() throws Exception {
        if (httpd != null) {
            httpd.stop(Duration.ofSeconds(5));
        }
    }

    private ReloadResult reload(String config) throws Exception {
        Files.writeString(file, config);
        return httpd.reload();
    }

    @Test
    void aJarAddedThenReplacedServesAfterReloadAndTheOldLayerIsCollected() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        file = dir.resolve("httpd.toml");
        Files.writeString(file, CONFIG);
        httpd = Httpd.create(ConfigLoader.read(file), PluginRegistry.discover(plugins));
        httpd.start();
        assertFalse(reload(CONFIG + ROUTE).swapped(), "no such handler yet");

        GreetingJar.write(plugins.resolve("greeting.jar"), "1.0", "hello from 1.0");
        ReloadResult added = reload(CONFIG + ROUTE);
        assertTrue(added.changes().contains("plugins added: greeting@1.0"), added.text());
        WeakReference<ClassLoader> first = new WeakReference<>(loader());
        try (RawClient c = new RawClient(httpd.addresses().getFirst())) {
            assertEquals("HTTP/1.1 200 OK hello from 1.0\n", ReloadTest.get(c, "/hi"));
            ReloadResult same = reload(CONFIG + ROUTE);
            assertTrue(same.changes().contains("instances: 0 created, 1 carried over"),
                    same.text());
            assertSame(first.get(), loader(), "an unchanged jar keeps its layer");

            GreetingJar.write(plugins.resolve("greeting.jar"), "2.0", "hello from 2.0");
            ReloadResult upgraded = reload(CONFIG + ROUTE);
            assertTrue(upgraded.changes().contains("plugins upgraded: greeting@1.0 -> 2.0"),
                    upgraded.text());
            assertNotSame(first.get(), loader());
            assertEquals("HTTP/1.1 200 OK hello from 2.0\n", ReloadTest.get(c, "/hi"));
        }
        for (int i = 0; i < 50 && first.get() != null; i++) { // bounded: GC is a request
            System.gc();
            Thread.sleep(100);
        }
        assertNull(first.get(), "the old layer's class loader is still reachable");
        assertEquals(List.of("greeting"), httpd.view().plugins().stream()
                .filter(p -> p.module().equals("test.greeting")).map(p -> p.id()).toList());
    }

    private ClassLoader loader() {
        return httpd.generation().registry.find(PluginKind.ROUTE, "greeting").orElseThrow()
                .provider().getClass().getClassLoader();
    }
}
