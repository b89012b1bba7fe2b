package io.httpd.core.config;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;

/**
 * A tree of Jackson nodes as compact JSON, written by the streaming generator of jackson-core.
 * A node's own {@code toString()} (and a node's {@code serialize}) would build a whole
 * {@code JsonMapper}: hundreds of classes, which then stay in the process and its AOT cache,
 * for what a generator does alone.
 */
public final class JsonText {
    private static final JsonFactory JSON = new JsonFactory();

    private JsonText() {
    }

    /** The tree as UTF-8 JSON. */
    public static byte[] bytes(JsonNode tree) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator generator = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
            write(tree, generator);
        }
        return out.toByteArray();
    }

    /** The tree as JSON text. */
    public static String of(JsonNode tree) {
        return new String(bytes(tree), StandardCharsets.UTF_8);
    }

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
            for (JsonNode item : node) {
                write(item, out);
            }
            out.writeEndArray();
        } else if (node.isNumber()) {
            out.writeNumber(node.asString()); // the number's own digits
        } else if (node.isBoolean()) {
            out.writeBoolean(node.booleanValue());
        } else if (node.isNull()) {
            out.writeNull();
        } else {
            out.writeString(node.asString()); // strings, and TOML's dates kept as values
        }
    }
}
