package io.httpd.plugin.staticfiles;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class EntityTagTest {
    /** The comparison table of RFC 9110 §8.8.3.2. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "W/\"1\" | W/\"1\" | false | true",
        "W/\"1\" | W/\"2\" | false | false",
        "W/\"1\" | \"1\"   | false | true",
        "\"1\"   | \"1\"   | true  | true",
    })
    void comparesAsRfc9110Table(String a, String b, boolean strong, boolean weak) {
        EntityTag first = EntityTag.parse(a).orElseThrow();
        EntityTag second = EntityTag.parse(b).orElseThrow();
        assertEquals(strong, first.strongMatch(second));
        assertEquals(weak, first.weakMatch(second));
    }

    @Test
    void fileTagsAreStrongAndDifferPerRepresentation() {
        EntityTag identity = EntityTag.of(1234, 1_772_352_000_123_456_789L, "");
        assertEquals("\"4d2-1898a8c0f84fcd15\"", identity.toString());
        assertEquals("\"4d2-1898a8c0f84fcd15-gzip\"",
                EntityTag.of(1234, 1_772_352_000_123_456_789L, "gzip").toString());
        assertNotEquals(identity, EntityTag.of(1234, 1_772_352_000_123_456_790L, ""));
        assertNotEquals(identity, EntityTag.of(1235, 1_772_352_000_123_456_789L, ""));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'\"a\"'                       | a",
        "'\"a\", W/\"b\",\"c\"'        | a W/b c",
        "' , \"a\" ,, \"\" '           | a <empty>",
        "'\"a\" \"b\"'                 | -",
        "'\"a'                         | -",
        "'a'                           | -",
        "'\"a\", b'                    | -",
        "'w/\"a\"'                     | -",
    })
    void parsesEntityTagLists(String field, String expected) {
        List<String> tags = EntityTag.parseList(field).stream()
                .map(t -> (t.weak() ? "W/" : "") + t.opaque())
                .map(s -> s.isEmpty() ? "<empty>" : s)
                .toList();
        assertEquals(expected.equals("-") ? "" : expected, String.join(" ", tags));
    }

    @Test
    void parsesOneTagOnly() {
        assertEquals(Optional.of(new EntityTag("x", true)), EntityTag.parse(" W/\"x\" "));
        assertEquals(Optional.empty(), EntityTag.parse("\"x\", \"y\""));
        assertEquals(Optional.empty(), EntityTag.parse("Sun, 06 Nov 1994 08:49:37 GMT"));
    }
}
