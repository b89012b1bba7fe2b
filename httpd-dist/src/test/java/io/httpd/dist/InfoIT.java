package io.httpd.dist;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The info plugin in the real image: its JSON parsed back and compared with what the running
 * server is (its port, its routes, {@code --list-plugins}, {@code -v}, the traffic sent), and
 * its HTML page rendered by headless chromium, where a hostile route path and a hostile plugin
 * jar name stay text and every number shown is the JSON's.
 */
class InfoIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String HOSTILE_PATH = "/<script>alert(1)</script>/";
    private static final String HOSTILE_JAR = "<img src=x onerror=\"document.title='pwned'\">.jar";
    private static final String ACCEPT_JSON = "Accept: application/json";

    @TempDir
    Path dir;

    private Path config(String detail) throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.copy(PluginJars.EXAMPLE, plugins.resolve(HOSTILE_JAR));
        return ImageProcess.writeConfig(dir, ImageProcess.PLUGINS_ON_ANY_PORT
                + ImageProcess.ECHO_ROUTE + """

                [[route]]
                path = "%s"
                handler = "echo"
                methods = ["GET"]

                [[route]]
                path = "/info"
                handler = "info"
                detail = "%s"
                """.formatted(HOSTILE_PATH, detail));
    }

    @Test
    void jsonIsTheRunningServersState() throws Exception {
        Path config = config("full");
        String[] version = ImageProcess.run(dir, "-v").output().split("\n");
        List<Map<String, String>> listed = listPlugins(config);
        Instant before = Instant.now();
        try (ImageProcess server = ImageProcess.serve(dir, config)) {
            int port = server.port();
            RawHttp first = RawHttp.get(port, "/info", ACCEPT_JSON);
            assertEquals(200, first.status());
            assertEquals("application/json", first.field("Content-Type").orElseThrow());
            assertEquals("Accept", first.field("Vary").orElseThrow());
            JsonNode doc = JSON.readTree(first.body());
            assertEquals("httpd", doc.get("name").asString());
            assertEquals(version[0], "httpd " + doc.get("version").asString());
            assertEquals(version[1], "Java " + doc.get("java").asString());
            Instant start = Instant.parse(doc.get("start_time").asString());
            assertTrue(!start.isBefore(before.minusSeconds(1)) && !start.isAfter(Instant.now()),
                    start + " not within the run");
            assertEquals(List.of("127.0.0.1:" + port), texts(doc.get("listeners")));
            assertEquals(Set.of(route("/echo", "echo", "GET", "HEAD", "POST", "PUT"),
                    route("/info", "info", "GET", "HEAD"),
                    route(HOSTILE_PATH, "echo", "GET", "HEAD")), routes(doc.get("routes")));
            assertEquals(listed, plugins(doc.get("plugins")));
            assertCountsTraffic(port, doc.get("counters"));
        }
    }

    /** Seven requests to /echo, then /info again: exactly eight more requests and 2xx. */
    private static void assertCountsTraffic(int port, JsonNode before) throws Exception {
        for (int i = 0; i < 7; i++) {
            assertEquals(200, RawHttp.get(port, "/echo?i=" + i).status());
        }
        JsonNode after = JSON.readTree(RawHttp.get(port, "/info", ACCEPT_JSON).body())
                .get("counters");
        for (String key : List.of("requests", "connections_total", "responses_2xx")) {
            assertEquals(before.get(key).asLong() + 8, after.get(key).asLong(), key);
        }
        for (String key : List.of("responses_4xx", "responses_5xx", "access_log_drops")) {
            assertEquals(0, after.get(key).asLong(), key);
        }
    }

    @Test
    void basicDetailHidesPluginsAndVersions() throws Exception {
        Path config = config("basic");
        try (ImageProcess server = ImageProcess.serve(dir, config)) {
            int port = server.port();
            RawHttp r = RawHttp.get(port, "/info");
            JsonNode doc = JSON.readTree(r.body());
            assertEquals(List.of("name", "start_time", "uptime_seconds", "listeners", "routes",
                    "counters"), List.copyOf(doc.propertyNames()));
            // a version is a JSON string ("25.0.3"); the start time's seconds may read 25.163
            for (String hidden : List.of("SNAPSHOT", "Java", "\"25.", "io.httpd", "pwned")) {
                assertFalse(r.text().contains(hidden), hidden + " in " + r.text());
            }
            String page = RawHttp.get(port, "/info", "Accept: text/html").text();
            assertTrue(page.startsWith("<!DOCTYPE html>"), page);
            assertFalse(page.contains("SNAPSHOT") || page.contains("Plugins"), page);
        }
    }

    @Test
    void htmlPageInChromiumShowsNamesAsTextAndTheJsonsNumbers() throws Exception {
        Path config = config("full");
        try (ImageProcess server = ImageProcess.serve(dir, config)) {
            int port = server.port();
            JsonNode before = JSON.readTree(RawHttp.get(port, "/info", ACCEPT_JSON).body());
            String dom = Chromium.dumpDom(dir, "http://127.0.0.1:" + port + "/info");
            JsonNode after = JSON.readTree(RawHttp.get(port, "/info", ACCEPT_JSON).body());
            assertTrue(dom.contains("<title>httpd \u00b7 info</title>"), "no script ran:\n" + dom);
            assertFalse(dom.contains("<script") || dom.contains("<img"), dom);
            assertTrue(dom.contains("<code>/&lt;script&gt;alert(1)&lt;/script&gt;/</code>"), dom);
            assertTrue(dom.contains("<td>&lt;img src=x onerror=\"document.title='pwned'\"&gt;.jar"
                    + "</td>"), dom);
            Map<String, String> shown = shown(dom);
            for (String key : List.of("version", "java", "start_time")) {
                assertEquals(before.get(key).asString(), shown.remove(key), key);
            }
            JsonNode counters = before.get("counters");
            Set<String> counterKeys = new HashSet<>(shown.keySet());
            counterKeys.remove("uptime_seconds");
            assertEquals(Set.copyOf(counters.propertyNames()), counterKeys);
            assertBetween("uptime_seconds", before, after, shown);
            for (String key : counters.propertyNames()) {
                if (key.equals("connections_open")) {
                    // a gauge: chromium may hold a second connection open for a moment
                    assertTrue(Long.parseLong(shown.get(key)) >= 1, shown.toString());
                } else {
                    assertBetween(key, counters, after.get("counters"), shown);
                }
            }
        }
    }

    /** A number on the page lies between the JSON read before and the JSON read after it. */
    private static void assertBetween(String key, JsonNode before, JsonNode after,
                                      Map<String, String> shown) {
        long value = Long.parseLong(shown.get(key));
        assertTrue(before.get(key).asLong() <= value && value <= after.get(key).asLong(),
                key + ": " + before.get(key) + " <= " + value + " <= " + after.get(key));
    }

    private static Map<String, String> shown(String dom) {
        Map<String, String> values = new LinkedHashMap<>();
        Matcher m = Pattern.compile("<span data-key=\"([a-z0-9_]+)\">([^<]*)</span>").matcher(dom);
        while (m.find()) {
            values.put(m.group(1), m.group(2).replace("&amp;", "&"));
        }
        return values;
    }

    /** {@code --list-plugins}: kind, id, module@version and the source's file name. */
    private List<Map<String, String>> listPlugins(Path config) throws Exception {
        ImageProcess.Result r = ImageProcess.run(dir, "--list-plugins", "-c", config.toString());
        assertEquals(0, r.exit(), r.output());
        List<Map<String, String>> plugins = new ArrayList<>();
        Pattern row = Pattern.compile("(\\S+) +(\\S+) +(\\S+) +(.+)");
        for (String line : r.output().lines().skip(1).toList()) {
            Matcher m = row.matcher(line);
            assertTrue(m.matches(), line);
            String source = m.group(4).strip();
            plugins.add(Map.of("kind", m.group(1), "id", m.group(2), "module", m.group(3),
                    "source", source.substring(source.indexOf('/') + 1)));
        }
        assertTrue(plugins.stream().anyMatch(p -> p.get("source").equals(HOSTILE_JAR)), r.output());
        return plugins;
    }

    private static List<Map<String, String>> plugins(JsonNode plugins) {
        List<Map<String, String>> out = new ArrayList<>();
        for (JsonNode p : plugins) {
            String version = p.get("version").asString();
            out.add(Map.of("kind", p.get("kind").asString(), "id", p.get("id").asString(),
                    "module", p.get("module").asString() + (version.isEmpty() ? "" : "@" + version),
                    "source", p.get("source").asString()));
        }
        return out;
    }

    private static Set<List<String>> routes(JsonNode routes) {
        Set<List<String>> out = new HashSet<>();
        for (JsonNode r : routes) {
            List<String> row = new ArrayList<>(List.of(r.get("path").asString(),
                    r.get("handler").asString()));
            row.addAll(texts(r.get("methods")));
            out.add(row);
        }
        return out;
    }

    private static List<String> route(String... pathHandlerMethods) {
        return List.of(pathHandlerMethods);
    }

    /** The strings of a JSON array, in order. */
    private static List<String> texts(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }
}
