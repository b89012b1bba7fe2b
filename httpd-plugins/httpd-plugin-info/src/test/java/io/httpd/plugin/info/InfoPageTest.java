package io.httpd.plugin.info;

import io.httpd.api.Headers;
import io.httpd.api.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTML page: names stay text, no script, the numbers are the JSON's. */
class InfoPageTest {
    private static final Pattern VALUE = Pattern.compile("<span data-key=\"([a-z0-9_]+)\">([^<]*)</span>");

    @Test
    void hostileNamesAreEscapedText() throws Exception {
        String page = page(FakeServer.hostile(), Detail.FULL);
        assertFalse(page.contains("<script"), page);
        assertFalse(page.contains("<img"), page);
        assertFalse(page.contains("<b>"), page);
        assertTrue(page.contains("<code>/&lt;script&gt;alert(1)&lt;/script&gt;/</code>"), page);
        assertTrue(page.contains("<td>&lt;img src=x onerror=&quot;document.title=&#39;pwned&#39;"
                + "&quot;&gt;.jar</td>"), page);
        assertTrue(page.contains("<h1>httpd &amp; &lt;b&gt;co&lt;/b&gt;</h1>"), page);
        assertTrue(page.contains("<td>io.httpd.plugin.echo@0.1.0</td>"), page);
        assertTrue(page.contains("<td>com.example.evil</td>"), "no @ without a version:\n" + page);
        assertFalse(page.contains("/srv"), page);
    }

    @Test
    void everyValueShownEqualsTheJson() throws Exception {
        FakeServer server = FakeServer.hostile();
        JsonNode json = JsonMapper.builder().build().readTree(InfoJsonTest.body(server,
                Detail.FULL));
        Map<String, String> shown = values(page(server, Detail.FULL));
        Map<String, String> expected = new LinkedHashMap<>();
        for (String key : new String[] {"version", "java", "start_time", "uptime_seconds"}) {
            expected.put(key, json.get(key).asString());
        }
        json.get("counters").properties().forEach(e -> expected.put(e.getKey(),
                e.getValue().asString()));
        assertEquals(expected, shown);
        assertTrue(page(server, Detail.FULL).contains(" s (1h 2m 3s)</td>"));
    }

    @Test
    void basicPageLeavesOutPluginsAndVersions() throws Exception {
        String page = page(FakeServer.hostile(), Detail.BASIC);
        for (String hidden : new String[] {"Plugins", "1.2.3", "25.0.3", "io.httpd", "pwned"}) {
            assertFalse(page.contains(hidden), hidden + " in\n" + page);
        }
        assertTrue(page.contains("<h2>Routes</h2>"), page);
    }

    @ParameterizedTest
    @CsvSource({"0, 0s", "59, 59s", "60, 1m 0s", "3600, 1h 0m 0s", "90061, 1d 1h 1m 1s"})
    void uptimeReadsAsDaysHoursMinutesSeconds(long seconds, String text) {
        assertEquals(text, InfoPage.readable(seconds));
    }

    private static Map<String, String> values(String page) {
        Map<String, String> values = new LinkedHashMap<>();
        Matcher m = VALUE.matcher(page);
        while (m.find()) {
            values.put(m.group(1), HtmlText.unescape(m.group(2)));
        }
        return values;
    }

    private static String page(FakeServer server, Detail detail) {
        Response r = new InfoHandler(server, detail, Clock.fixed(
                FakeServer.START.plusSeconds(3723), ZoneOffset.UTC))
                .handle(ContentNegotiationTest.request(Headers.of("Accept", "text/html")));
        return new String(((Response.Body.Bytes) r.body()).bytes(), StandardCharsets.UTF_8);
    }
}
