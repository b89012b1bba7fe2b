package io.httpd.plugin.info;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.httpd.api.Html.escape;

/**
 * The info document as an HTML page for people: every value HTML-escaped (a route path such as
 * {@code /<script>/} is text), an inline style sheet and no script. Each value cell carries
 * the document's key ({@code data-key="requests"}), so the numbers can be checked against the
 * JSON.
 */
final class InfoPage {
    private static final String STYLE = """
            body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:60em;padding:0 1em;\
            color:#222;background:#fff}
            h1{font-size:1.6em;margin:0 0 .6em}h2{font-size:1.15em;margin:1.6em 0 .4em}
            table{border-collapse:collapse;width:100%}
            th,td{text-align:left;padding:.25em .6em;border-bottom:1px solid #ddd;vertical-align:top}
            th{font-weight:600;background:#f4f4f4}td.n{text-align:right;font-variant-numeric:tabular-nums}
            code{font:13px ui-monospace,monospace}
            table.facts th,table.counters th{width:12em;background:none}table.counters{max-width:30em}
            """;

    private InfoPage() {
    }

    /** The page for a document of {@link InfoDocument}. */
    static byte[] html(ObjectNode doc) {
        String name = doc.path("name").asString("");
        StringBuilder page = new StringBuilder(4096)
                .append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(name.isEmpty() ? "server" : name))
                .append(" \u00b7 info</title>\n<style>\n").append(STYLE).append("</style>\n")
                .append("</head>\n<body>\n<h1>").append(escape(name.isEmpty() ? "server" : name))
                .append("</h1>\n");
        facts(page, doc);
        list(page, "Listeners", doc.path("listeners"));
        routes(page, doc.path("routes"));
        if (doc.has("plugins")) {
            plugins(page, doc.path("plugins"));
        }
        counters(page, doc.path("counters"));
        page.append("<p>The same as JSON: <code>Accept: application/json</code>.</p>\n")
                .append("</body>\n</html>\n");
        return page.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void facts(StringBuilder page, ObjectNode doc) {
        page.append("<table class=\"facts\">\n");
        fact(page, doc, "version", "Version");
        fact(page, doc, "java", "Java runtime");
        fact(page, doc, "start_time", "Started");
        long uptime = doc.path("uptime_seconds").asLong();
        row(page, "Uptime", "<td>" + value("uptime_seconds", doc.path("uptime_seconds"))
                + " s (" + escape(readable(uptime)) + ")</td>");
        page.append("</table>\n");
    }

    private static void fact(StringBuilder page, ObjectNode doc, String key, String header) {
        if (doc.has(key)) {
            row(page, header, "<td>" + value(key, doc.path(key)) + "</td>");
        }
    }

    private static void list(StringBuilder page, String title, JsonNode items) {
        page.append("<h2>").append(title).append("</h2>\n<ul>\n");
        for (JsonNode item : items) {
            page.append("<li>").append(escape(item.asString())).append("</li>\n");
        }
        page.append("</ul>\n");
    }

    private static void routes(StringBuilder page, JsonNode routes) {
        page.append("<h2>Routes</h2>\n<table class=\"routes\">\n")
                .append("<tr><th>Path</th><th>Handler</th><th>Methods</th></tr>\n");
        for (JsonNode route : routes) {
            StringBuilder methods = new StringBuilder();
            for (JsonNode m : route.path("methods")) {
                methods.append(methods.isEmpty() ? "" : " ").append(escape(m.asString()));
            }
            page.append("<tr><td><code>").append(escape(route.path("path").asString()))
                    .append("</code></td><td>").append(escape(route.path("handler").asString()))
                    .append("</td><td>").append(methods).append("</td></tr>\n");
        }
        page.append("</table>\n");
    }

    private static void plugins(StringBuilder page, JsonNode plugins) {
        page.append("<h2>Plugins</h2>\n<table class=\"plugins\">\n")
                .append("<tr><th>Kind</th><th>Id</th><th>Module</th><th>Source</th></tr>\n");
        for (JsonNode p : plugins) {
            String version = p.path("version").asString("");
            String module = p.path("module").asString() + (version.isEmpty() ? "" : "@" + version);
            page.append("<tr><td>").append(escape(p.path("kind").asString()))
                    .append("</td><td>").append(escape(p.path("id").asString()))
                    .append("</td><td>").append(escape(module))
                    .append("</td><td>").append(escape(p.path("source").asString()))
                    .append("</td></tr>\n");
        }
        page.append("</table>\n");
    }

    private static void counters(StringBuilder page, JsonNode counters) {
        page.append("<h2>Counters</h2>\n<table class=\"counters\">\n");
        for (Map.Entry<String, JsonNode> counter : counters.properties()) {
            row(page, counter.getKey().replace('_', ' '),
                    "<td class=\"n\">" + value(counter.getKey(), counter.getValue()) + "</td>");
        }
        page.append("</table>\n");
    }

    private static void row(StringBuilder page, String header, String cells) {
        page.append("<tr><th>").append(escape(header)).append("</th>").append(cells)
                .append("</tr>\n");
    }

    /** A value marked with its document key. */
    private static String value(String key, JsonNode value) {
        return "<span data-key=\"" + escape(key) + "\">" + escape(value.asString()) + "</span>";
    }

    /** {@code 2d 3h 4m 5s}, leading zero units left out. */
    static String readable(long seconds) {
        long d = seconds / 86_400;
        long h = seconds / 3600 % 24;
        long m = seconds / 60 % 60;
        long s = seconds % 60;
        StringBuilder out = new StringBuilder();
        if (d > 0) {
            out.append(d).append("d ");
        }
        if (d > 0 || h > 0) {
            out.append(h).append("h ");
        }
        if (d > 0 || h > 0 || m > 0) {
            out.append(m).append("m ");
        }
        return out.append(s).append('s').toString();
    }
}
