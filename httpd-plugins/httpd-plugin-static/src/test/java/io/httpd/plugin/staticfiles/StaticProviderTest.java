package io.httpd.plugin.staticfiles;

import io.httpd.testkit.Untouchable;
import io.httpd.testkit.FoundProviders;
import io.httpd.testkit.TestTable;
import io.httpd.api.ConfigException;
import io.httpd.api.Method;
import io.httpd.api.RouteHandler;
import io.httpd.api.RouteHandlerProvider;
import io.httpd.api.ServerView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The provider: found by ServiceLoader, every key read and checked, errors naming the key. */
class StaticProviderTest {
    @TempDir
    Path folder;
    Path conf;
    Path www;

    @BeforeEach
    void layout() throws IOException {
        conf = Files.createDirectories(folder.resolve("conf"));
        www = Files.createDirectories(folder.resolve("www"));
    }

    @Test
    void defaultsNeedOnlyARootRelativeToTheConfigFolder() throws Exception {
        TestTable config = config(Map.of("root", "../www"));
        RouteHandler handler = new StaticProvider().create(config, Untouchable.of(ServerView.class));

        assertInstanceOf(StaticHandler.class, handler);
        assertEquals(Set.of(Method.GET, Method.HEAD), handler.methods());
        StaticConfig read = StaticConfig.read(config(Map.of("root", "../www")));
        assertEquals(new StaticConfig(www.toRealPath(), List.of("index.html"), false, false, true,
                "", Map.of(), Duration.ofSeconds(1), 16 * 1024, 32 * 1024 * 1024), read);
    }

    @Test
    void readsEveryKeySoNoneIsReportedUnknown() throws Exception {
        Map<String, Object> values = Map.of(
                "root", "../www",
                "index", List.of("index.htm", "default.html"),
                "listing", true,
                "dotfiles", true,
                "precompressed", false,
                "cache_control", " public, max-age=3600 ",
                "mime_types", Map.of("md", "text/plain", ".LOG", "text/plain"),
                "metadata_ttl", "0s",
                "memory_file_bytes", 4096,
                "memory_total_bytes", 1 << 20);
        TestTable config = config(values);
        new StaticProvider().create(config, Untouchable.of(ServerView.class));
        assertEquals(Set.of(), config.unreadKeys());

        assertEquals(new StaticConfig(www.toRealPath(), List.of("index.htm", "default.html"),
                true, true, false, "public, max-age=3600",
                Map.of("md", "text/plain", "log", "text/plain"), Duration.ZERO, 4096, 1 << 20),
                StaticConfig.read(config(values)));
    }

    @Test
    void leavesUnknownKeysUnreadForTheServerToReport() throws Exception {
        TestTable config = config(Map.of("root", "../www", "indx", "home.html",
                "mime_types", Map.of("js", "text/javascript")));
        new StaticProvider().create(config, Untouchable.of(ServerView.class));
        assertEquals(Set.of("indx"), config.unreadKeys());
    }

    @Test
    void rootIsResolvedOnceToItsRealPath() throws Exception {
        Files.createSymbolicLink(folder.resolve("current"), www);
        assertEquals(www.toRealPath(), StaticConfig.read(config(Map.of("root", "../current"))).root());
    }

    @Test
    void badValuesNameTheirKey() throws IOException {
        Files.writeString(folder.resolve("file.txt"), "not a folder");
        assertError(Map.of(), "route[0].root", "required");
        assertError(Map.of("root", "../missing"), "route[0].root", "not an existing directory: ");
        assertError(Map.of("root", "../file.txt"), "route[0].root", "not an existing directory: ");
        assertError(Map.of("root", 42), "route[0].root", "expected a string");
        assertError(Map.of("root", "../www", "index", List.of("a/b.html")), "route[0].index",
                "not a plain file name: \"a/b.html\"");
        assertError(Map.of("root", "../www", "index", ".."), "route[0].index",
                "not a plain file name: \"..\"");
        assertError(Map.of("root", "../www", "index", ""), "route[0].index",
                "not a plain file name: \"\"");
        assertError(Map.of("root", "../www", "listing", "yes"), "route[0].listing",
                "expected true or false");
        assertError(Map.of("root", "../www", "cache_control", "no-store\r\nX-Injected: 1"),
                "route[0].cache_control", "not a valid field value");
        assertError(Map.of("root", "../www", "metadata_ttl", "soon"), "route[0].metadata_ttl",
                "not a duration: \"soon\"");
        assertError(Map.of("root", "../www", "memory_total_bytes", -1),
                "route[0].memory_total_bytes", "must not be negative");
        assertError(Map.of("root", "../www", "memory_file_bytes", 2048,
                "memory_total_bytes", 1024), "route[0].memory_file_bytes",
                "must be between 0 and memory_total_bytes");
        assertError(Map.of("root", "../www", "mime_types", Map.of("js", "javascript")),
                "route[0].mime_types.js", "not a media type such as \"text/plain\": \"javascript\"");
        assertError(Map.of("root", "../www", "mime_types", Map.of("tar.gz", "application/gzip")),
                "route[0].mime_types.tar.gz", "not a file extension");
        assertError(Map.of("root", "../www", "mime_types", "text/plain"),
                "route[0].mime_types", "expected a table");
    }

    private void assertError(Map<String, ?> values, String key, String reasonStart) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> new StaticProvider().create(config(values), Untouchable.of(ServerView.class)));
        assertEquals(key, e.key());
        assertTrue(e.reason().startsWith(reasonStart), e.reason());
    }

    private TestTable config(Map<String, ?> values) {
        return TestTable.of("route[0]", values, conf);
    }

    @Test
    void serviceLoaderFindsStaticProvider() {
        FoundProviders.assertFinds(RouteHandlerProvider.class, new StaticProvider());
    }
}
