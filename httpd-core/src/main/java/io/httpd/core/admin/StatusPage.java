package io.httpd.core.admin;

import io.httpd.api.ServerView;
import io.httpd.core.config.JsonText;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;

import static io.httpd.api.Html.escape;

/**
 * {@code GET /status}: what Apache's mod_status shows, for people (HTML, escaped, no script)
 * or, with {@code ?format=json}, for tools. One document feeds both: uptime, requests per
 * second over the last minute, connections, requests per route, plugins, recent reloads.
 */
final class StatusPage {
    private StatusPage() {
    }

    /** The document for this moment. */
    static ObjectNode document(ServerView server, RequestCounts requests, RequestRate rate,
                               ReloadLog reloads, Instant now) {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        ServerView.Counters c = server.counters();
        doc.put("name", server.name());
        doc.put("version", server.version());
        doc.put("start_time", server.startTime().truncatedTo(ChronoUnit.MILLIS).toString());
        doc.put("uptime_seconds", Math.max(0, Duration.between(server.startTime(), now).toSeconds()));
        doc.put("requests_per_second", Math.round(rate.perSecond() * 100) / 100.0);
        doc.put("requests_total", c.requests());
        doc.put("connections_open", c.connectionsOpen());
        doc.put("connections_accepted", c.connectionsTotal());
        Map<String, Long> byRoute = new TreeMap<>();
        requests.snapshot().forEach((k, n) -> byRoute.merge(k.route(), n, Long::sum));
        ArrayNode routes = doc.putArray("routes");
        byRoute.forEach((route, n) -> routes.addObject().put("route", route).put("requests", n));
        ArrayNode plugins = doc.putArray("plugins");
        server.plugins().forEach(p -> plugins.addObject().put("kind", p.kind()).put("id", p.id())
                .put("module", p.module()).put("version", p.version()));
        ArrayNode reloaded = doc.putArray("reloads");
        reloads.recent().forEach(r -> reloaded.addObject().put("time", r.time().toString())
                .put("result", r.failed().isEmpty() ? "ok"
                        : "failed: " + String.join(", ", r.failed())));
        return doc;
    }

    /** The document as UTF-8 JSON. */
    static byte[] json(ObjectNode doc) {
        return JsonText.bytes(doc);
    }

    /** The document as an HTML page. */
    static byte[] html(ObjectNode doc) {
        StringBuilder page = new StringBuilder(4096).append("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <title>status</title>
                <style>
                body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:60em;padding:0 1em}
                table{border-collapse:collapse;margin-bottom:1.5em}
                th,td{text-align:left;padding:.25em .8em;border-bottom:1px solid #ddd}
                td.n{text-align:right;font-variant-numeric:tabular-nums}
                </style>
                </head>
                <body>
                """);
        page.append("<h1>").append(escape(doc.path("name").asString())).append(" status</h1>\n<table>\n");
        for (String key : new String[] {"version", "start_time", "uptime_seconds",
                "requests_per_second", "requests_total", "connections_open",
                "connections_accepted"}) {
            page.append("<tr><th>").append(key.replace('_', ' ')).append("</th>")
                    .append(cell(key, doc.path(key))).append("</tr>\n");
        }
        page.append("</table>\n");
        table(page, "Requests by route", doc.path("routes"), "route", "requests");
        table(page, "Plugins", doc.path("plugins"), "kind", "id", "module", "version");
        table(page, "Recent reloads", doc.path("reloads"), "time", "result");
        return page.append("</body>\n</html>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void table(StringBuilder page, String title, JsonNode rows, String... keys) {
        page.append("<h2>").append(title).append("</h2>\n<table class=\"")
                .append(keys[0]).append("s\">\n<tr>");
        for (String key : keys) {
            page.append("<th>").append(key).append("</th>");
        }
        page.append("</tr>\n");
        for (JsonNode row : rows) {
            page.append("<tr>");
            for (String key : keys) {
                page.append(cell(key, row.path(key)));
            }
            page.append("</tr>\n");
        }
        page.append("</table>\n");
    }

    private static String cell(String key, JsonNode value) {
        return "<td" + (value.isNumber() ? " class=\"n\"" : "") + " data-key=\"" + key + "\">"
                + escape(value.asString()) + "</td>";
    }
}
