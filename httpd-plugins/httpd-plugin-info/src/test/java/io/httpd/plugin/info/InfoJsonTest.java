package io.httpd.plugin.info;

import io.httpd.api.Headers;
import io.httpd.api.Response;
import io.httpd.api.ServerView;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The JSON document parsed back with Jackson and compared with the server view it shows. */
class InfoJsonTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void fullDocumentShowsTheServerView() throws Exception {
        FakeServer server = FakeServer.hostile();
        JsonNode doc = JSON.readTree(body(server, Detail.FULL));
        assertEquals(List.of("name", "version", "java", "start_time", "uptime_seconds",
                "listeners", "routes", "plugins", "counters"), keys(doc));
        assertEquals(server.name(), doc.get("name").asString());
        assertEquals("1.2.3", doc.get("version").asString());
        assertEquals(server.runtime(), doc.get("java").asString());
        assertEquals("2026-12-01T10:00:00.123Z", doc.get("start_time").asString());
        assertEquals(3723, doc.get("uptime_seconds").asLong());
        assertEquals(List.of("127.0.0.1:8080", "[0:0:0:0:0:0:0:1]:8443"),
                strings(doc.get("listeners")));
        assertEquals(2, doc.get("routes").size());
        JsonNode echo = doc.get("routes").get(0);
        assertEquals("/echo", echo.get("path").asString());
        assertEquals("echo", echo.get("handler").asString());
        assertEquals(List.of("GET", "HEAD", "POST", "PUT", "PROPFIND"),
                strings(echo.get("methods")));
        assertEquals(FakeServer.HOSTILE_PATH, doc.get("routes").get(1).get("path").asString());
        assertPlugins(server, doc.get("plugins"));
        assertCounters(server.counters(), doc.get("counters"));
    }

    @Test
    void pluginSourcesAreFileNamesNeverPaths() throws Exception {
        String body = new String(body(FakeServer.hostile(), Detail.FULL), StandardCharsets.UTF_8);
        assertFalse(body.contains("/srv"), body);
        assertFalse(body.contains("plugins/"), body);
    }

    @Test
    void basicDetailLeavesOutPluginsAndVersions() throws Exception {
        FakeServer server = FakeServer.hostile();
        byte[] body = body(server, Detail.BASIC);
        JsonNode doc = JSON.readTree(body);
        assertEquals(List.of("name", "start_time", "uptime_seconds", "listeners", "routes",
                "counters"), keys(doc));
        String text = new String(body, StandardCharsets.UTF_8);
        for (String secret : List.of("1.2.3", "25.0.3", "0.1.0", "io.httpd.plugin", "built-in")) {
            assertFalse(text.contains(secret), secret + " in " + text);
        }
        assertCounters(server.counters(), doc.get("counters"));
    }

    private static void assertPlugins(FakeServer server, JsonNode plugins) {
        List<String> sources = List.of("built-in", FakeServer.HOSTILE_JAR, "with-libs");
        assertEquals(server.plugins().size(), plugins.size());
        for (int i = 0; i < plugins.size(); i++) {
            ServerView.PluginInfo expected = server.plugins().get(i);
            JsonNode p = plugins.get(i);
            assertEquals(List.of("kind", "id", "module", "version", "source"), keys(p));
            assertEquals(expected.kind(), p.get("kind").asString());
            assertEquals(expected.id(), p.get("id").asString());
            assertEquals(expected.module(), p.get("module").asString());
            assertEquals(expected.version(), p.get("version").asString());
            assertEquals(sources.get(i), p.get("source").asString());
        }
    }

    /** Every counter of the view, under its snake_case name, with its value. */
    static void assertCounters(ServerView.Counters counters, JsonNode json) throws Exception {
        List<String> names = new ArrayList<>();
        for (RecordComponent c : ServerView.Counters.class.getRecordComponents()) {
            if (c.getType() != long.class) {
                continue;
            }
            String name = c.getName().replaceAll("([A-Z0-9]+)", "_$1").toLowerCase();
            names.add(name);
            assertEquals(((Number) c.getAccessor().invoke(counters)).longValue(),
                    json.get(name).asLong(), name);
        }
        assertEquals(names, keys(json));
    }

    static byte[] body(FakeServer server, Detail detail) {
        Clock clock = Clock.fixed(FakeServer.START.plus(Duration.ofMillis(3_723_900)),
                ZoneOffset.UTC);
        Response r = new InfoHandler(server, detail, clock).handle(
                ContentNegotiationTest.request(Headers.EMPTY));
        return ((Response.Body.Bytes) r.body()).bytes();
    }

    static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.propertyNames().forEach(keys::add);
        return keys;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }
}
