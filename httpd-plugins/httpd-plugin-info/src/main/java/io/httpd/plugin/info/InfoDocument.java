package io.httpd.plugin.info;

import io.httpd.api.Method;
import io.httpd.api.ServerView;
import io.httpd.api.ServerView.PluginInfo;
import io.httpd.api.ServerView.RouteInfo;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.Inet6Address;
import java.lang.reflect.RecordComponent;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The info document: one JSON object built from the server view, which the JSON answer
 * writes as it is and the HTML page renders, so both show the same numbers. Keys:
 * {@code name}, {@code version}, {@code java}, {@code start_time}, {@code uptime_seconds},
 * {@code listeners}, {@code routes}, {@code plugins}, {@code counters}; {@link Detail#BASIC}
 * leaves out {@code version}, {@code java} and {@code plugins}.
 *
 * <p>Nothing here is a file-system path: a plugin's source is its jar's (or folder's) file
 * name, never the folder it lies in; the view offers no environment or config values.
 */
final class InfoDocument {
    /**
     * The nodes and the streaming generator, without a {@code JsonMapper}: a mapper would add
     * the data-binding machinery (some 500 classes, kept in the process) to write a tree.
     */
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonFactory JSON = new JsonFactory();
    /** Standard methods first, in RFC 9110 §9 order; other methods after them by name. */
    private static final List<Method> METHOD_ORDER = Method.STANDARD;
    private static final Comparator<Method> METHODS = Comparator
            .comparingInt((Method m) -> METHOD_ORDER.contains(m)
                    ? METHOD_ORDER.indexOf(m) : METHOD_ORDER.size())
            .thenComparing(Method::name);

    private InfoDocument() {
    }

    /** The document for this moment. */
    static ObjectNode of(ServerView server, Detail detail, Instant now) {
        ObjectNode doc = NODES.objectNode();
        doc.put("name", server.name());
        if (detail == Detail.FULL) {
            doc.put("version", server.version());
            doc.put("java", server.runtime());
        }
        Instant start = server.startTime();
        doc.put("start_time", start.truncatedTo(ChronoUnit.MILLIS).toString());
        doc.put("uptime_seconds", Math.max(0, Duration.between(start, now).toSeconds()));
        ArrayNode listeners = doc.putArray("listeners");
        server.listeners().forEach(a -> listeners.add(address(a)));
        ArrayNode routes = doc.putArray("routes");
        server.routes().forEach(r -> routes.add(route(r)));
        if (detail == Detail.FULL) {
            ArrayNode plugins = doc.putArray("plugins");
            server.plugins().forEach(p -> plugins.add(plugin(p)));
        }
        doc.set("counters", counters(server.counters()));
        return doc;
    }

    /**
     * Every counter of the view, read from its record components so that counters added to
     * the view later show up too: {@code connectionsOpen} becomes {@code connections_open},
     * {@code responses2xx} {@code responses_2xx}. Only the numbers: the per-sink breakdown of
     * the access-log drops is left to the admin listener's metrics.
     */
    static ObjectNode counters(ServerView.Counters counters) {
        ObjectNode node = NODES.objectNode();
        for (RecordComponent c : ServerView.Counters.class.getRecordComponents()) {
            if (c.getType() != long.class) {
                continue;
            }
            try {
                node.put(snakeCase(c.getName()), (long) c.getAccessor().invoke(counters));
            } catch (ReflectiveOperationException | ClassCastException e) {
                throw new IllegalStateException("counter " + c.getName(), e);
            }
        }
        return node;
    }

    /** {@code accessLogDrops} → {@code access_log_drops}, {@code responses1xx} → {@code responses_1xx}. */
    static String snakeCase(String name) {
        StringBuilder out = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean digitAfterLetter = Character.isDigit(c) && i > 0
                    && Character.isLetter(name.charAt(i - 1));
            if (Character.isUpperCase(c) || digitAfterLetter) {
                out.append('_');
            }
            out.append(Character.toLowerCase(c));
        }
        return out.toString();
    }

    /** The document as UTF-8 JSON. */
    static byte[] bytes(ObjectNode document) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator generator = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
            write(document, generator);
        }
        return out.toByteArray();
    }

    /** The document holds objects, arrays, strings and whole numbers, nothing else. */
    private static void write(JsonNode node, JsonGenerator out) {
        if (node.isObject()) {
            out.writeStartObject();
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                out.writeName(property.getKey());
                write(property.getValue(), out);
            }
            out.writeEndObject();
        } else if (node.isArray()) {
            out.writeStartArray();
            node.forEach(item -> write(item, out));
            out.writeEndArray();
        } else if (node.isNumber()) {
            out.writeNumber(node.longValue());
        } else {
            out.writeString(node.asString());
        }
    }

    /** {@code 127.0.0.1:8080}, {@code [::1]:8080}: numeric, never a looked-up host name. */
    static String address(InetSocketAddress address) {
        InetAddress ip = address.getAddress();
        String host = ip == null ? address.getHostString() : ip.getHostAddress();
        if (ip instanceof Inet6Address) {
            int zone = host.indexOf('%');
            host = "[" + (zone < 0 ? host : host.substring(0, zone)) + "]";
        }
        return host + ":" + address.getPort();
    }

    private static ObjectNode route(RouteInfo route) {
        ObjectNode node = NODES.objectNode();
        node.put("path", route.path());
        node.put("handler", route.handler());
        ArrayNode methods = node.putArray("methods");
        route.methods().stream().sorted(METHODS).forEach(m -> methods.add(m.name()));
        return node;
    }

    private static ObjectNode plugin(PluginInfo plugin) {
        ObjectNode node = NODES.objectNode();
        node.put("kind", plugin.kind());
        node.put("id", plugin.id());
        node.put("module", plugin.module());
        node.put("version", plugin.version());
        node.put("source", fileName(plugin.source()));
        return node;
    }

    /** {@code built-in}, or the last segment of a jar or folder path: {@code plugins/x.jar} → {@code x.jar}. */
    static String fileName(String source) {
        String trimmed = source.endsWith("/") || source.endsWith("\\")
                ? source.substring(0, source.length() - 1) : source;
        int slash = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
        return trimmed.substring(slash + 1);
    }
}
