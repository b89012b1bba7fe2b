package io.httpd.core.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** A node tree written as JSON without a mapper: exact text for every kind of value. */
class JsonTextTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static Stream<Arguments> trees() {
        ObjectNode nested = NODES.objectNode();
        nested.put("name", "httpd").putArray("ports").add(8080).add(8443);
        nested.putObject("limits").put("body", 10485760L).putNull("none");
        return Stream.of(
                Arguments.of(NODES.objectNode(), "{}"),
                Arguments.of(NODES.arrayNode(), "[]"),
                Arguments.of(nested, "{\"name\":\"httpd\",\"ports\":[8080,8443],"
                        + "\"limits\":{\"body\":10485760,\"none\":null}}"),
                Arguments.of(NODES.numberNode(new BigInteger("99999999999999999999")),
                        "99999999999999999999"),
                Arguments.of(NODES.numberNode(-5L), "-5"),
                Arguments.of(NODES.numberNode(12.25), "12.25"),
                Arguments.of(NODES.numberNode(new BigDecimal("1.50")), "1.50"),
                Arguments.of(NODES.booleanNode(true), "true"),
                // quotes, backslashes and control characters escaped, other text as it is
                Arguments.of(NODES.stringNode("a\"b\\c\n\u0001é"), "\"a\\\"b\\\\c\\n\\u0001é\""));
    }

    @ParameterizedTest
    @MethodSource("trees")
    void writesCompactJson(JsonNode tree, String json) {
        assertEquals(json, JsonText.of(tree));
        assertArrayEquals(json.getBytes(StandardCharsets.UTF_8), JsonText.bytes(tree));
    }
}
