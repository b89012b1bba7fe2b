package io.httpd.testkit;

import io.httpd.api.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The table fake reads values with the server's own grammar and messages. */
class TestTableTest {
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "16KiB, 16384",
        "10MiB, 10485760",
        "1GB,   1000000000",
        "512,   512",
    })
    void sizesUseTheServerGrammar(String text, long bytes) {
        assertEquals(bytes, TestTable.of("route[0]", "max", text).size("max", 0));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "500ms, PT0.5S",
        "10s,   PT10S",
        "5m,    PT5M",
        "1d,    PT24H",
    })
    void durationsUseTheServerGrammar(String text, Duration duration) {
        assertEquals(duration, TestTable.of("route[0]", "wait", text).duration("wait", null));
    }

    @Test
    void wrongValuesNameTheFullKey() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> TestTable.of("validator[0]", "period", "PT1S").duration("period", null));
        assertEquals("validator[0].period", e.key());
    }

    @Test
    void recordsTheKeysReadAndNestedOnes() {
        TestTable table = TestTable.of("route[0]", Path.of("/srv"), "root", "www", "extra", 1,
                "types", Map.of("md", "text/plain", "txt", "text/plain"));
        assertEquals(Path.of("/srv/www"), table.path("root").orElseThrow());
        table.table("types").orElseThrow().string("md");
        assertEquals(Set.of("extra", "types.txt"), table.unreadKeys());
        assertEquals(Set.of("root", "types"), table.readKeys());
        assertEquals(List.of("a"), TestTable.of("x", "list", "a").strings("list", List.of()));
    }
}
