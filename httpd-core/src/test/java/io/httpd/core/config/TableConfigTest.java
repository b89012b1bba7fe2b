package io.httpd.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.httpd.api.ConfigException;
import io.httpd.api.PluginConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A plugin's table: typed getters, errors naming the full key, and the keys left unread. */
class TableConfigTest {
    private static final String FILE = """
            [[listen]]
            address = "0.0.0.0:8080"

            [[route]]
            path = "/"
            handler = "static"
            root = "../www"
            logs = "/var/log/httpd"
            index = ["index.html", "${INDEX:-default.htm}"]
            owner = "${OWNER}"
            cache = true
            max_age = "1h"
            max_file = "64KiB"
            min_file = 512
            workers = 4
            text = 1
            number = "1"
            fraction = 1.5
            big = 99999999999999999999
            flag = "yes"
            parsec = "1 parsec"
            bool_size = true
            negative = -5
            seconds = 10
            weeks = "10 weeks"
            list = 3
            mixed = ["a", 2]
            not_table = "x"
            empty_path = ""

            [route.headers]
            x_frame = "DENY"
            x_other = "${OWNER}"
            """;

    @TempDir
    Path dir;
    private TableConfig route;
    private ConfigSource source;

    @BeforeEach
    void load() throws Exception {
        Path file = dir.resolve("conf/httpd.toml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, FILE);
        HttpdConfig config = ConfigLoader.load(file, Map.of("OWNER", "www-data"));
        route = config.routes().getFirst().config();
        source = config.source();
    }

    @Test
    void typedGettersReadValues() {
        assertEquals("route[0]", route.path());
        assertEquals(Optional.of("www-data"), route.string("owner"));
        assertTrue(route.bool("cache", false));
        assertEquals(Duration.ofHours(1), route.duration("max_age", Duration.ZERO));
        assertEquals(64 * 1024, route.size("max_file", 0));
        assertEquals(512, route.size("min_file", 0));
        assertEquals(4, route.integer("workers", 1));
        assertEquals(List.of("www-data"), route.strings("owner", List.of()));
    }

    @Test
    void absentKeysGiveDefaults() {
        assertEquals(Optional.empty(), route.string("nope"));
        assertEquals("d", route.string("nope", "d"));
        assertEquals(7, route.integer("nope", 7));
        assertFalse(route.bool("nope", false));
        assertEquals(9, route.size("nope", 9));
        assertEquals(Duration.ofSeconds(3), route.duration("nope", Duration.ofSeconds(3)));
        assertEquals(List.of("a"), route.strings("nope", List.of("a")));
        assertEquals(Optional.empty(), route.path("nope"));
        assertEquals(Optional.empty(), route.table("nope"));
    }

    @Test
    void relativePathsResolveAgainstTheConfigFolder() {
        assertEquals(dir.resolve("www"), route.path("root").orElseThrow());
        assertEquals(Path.of("/var/log/httpd"), route.path("logs").orElseThrow());
    }

    @Test
    void environmentIsReplacedInPluginTables() {
        assertEquals(List.of("index.html", "default.htm"), route.strings("index", List.of()));
        PluginConfig headers = route.table("headers").orElseThrow();
        assertEquals("route[0].headers", headers.path());
        assertEquals("www-data", headers.requireString("x_other"));
    }

    @Test
    void unreadKeysAreTheOnesNobodyAskedFor() {
        assertEquals(Set.of("root", "logs", "index", "owner", "cache", "max_age", "max_file",
                "min_file", "workers", "text", "number", "fraction", "big", "flag", "parsec",
                "bool_size", "negative", "seconds", "weeks", "list", "mixed", "not_table",
                "empty_path", "headers"), route.unreadKeys());
        route.path("root");
        route.string("nope");
        assertThrows(ConfigException.class, () -> route.string("text"));
        route.table("headers").orElseThrow().string("x_frame");
        assertEquals(List.of("logs", "index", "owner", "cache", "max_age", "max_file", "min_file",
                "workers", "number", "fraction", "big", "flag", "parsec", "bool_size", "negative",
                "seconds", "weeks", "list", "mixed", "not_table", "empty_path", "headers.x_other"),
                List.copyOf(route.unreadKeys()));
        assertEquals(33, source.lineOf(route.fullKey("headers.x_other")));
    }

    /** (getter, full key of the error, reason). */
    static Stream<Arguments> typeErrors() {
        return Stream.of(
                error(t -> t.string("text"), "route[0].text", "expected a string"),
                error(t -> t.path("text"), "route[0].text", "expected a string"),
                error(t -> t.path("empty_path"), "route[0].empty_path", "must not be empty"),
                error(t -> t.requireString("absent"), "route[0].absent", "required"),
                error(t -> t.integer("number", 0), "route[0].number", "expected a whole number"),
                error(t -> t.integer("fraction", 0), "route[0].fraction",
                        "expected a whole number"),
                error(t -> t.integer("big", 0), "route[0].big", "too large: 99999999999999999999"),
                error(t -> t.bool("flag", false), "route[0].flag", "expected true or false"),
                error(t -> t.size("parsec", 0), "route[0].parsec", "unknown unit \"parsec\" in "
                        + "\"1 parsec\" (use B, KiB, MiB, GiB, TiB, KB, MB, GB or TB)"),
                error(t -> t.size("bool_size", 0), "route[0].bool_size",
                        "expected a size such as 16384 or \"16KiB\""),
                error(t -> t.size("negative", 0), "route[0].negative",
                        "must not be negative: \"-5\""),
                error(t -> t.size("big", 0), "route[0].big",
                        "too large: \"99999999999999999999\""),
                error(t -> t.duration("seconds", null), "route[0].seconds",
                        "expected a duration such as \"10s\""),
                error(t -> t.duration("weeks", null), "route[0].weeks",
                        "unknown unit \"weeks\" in \"10 weeks\" (use ms, s, m, h or d)"),
                error(t -> t.strings("list", null), "route[0].list",
                        "expected a string or a list of strings"),
                error(t -> t.strings("mixed", null), "route[0].mixed[1]", "expected a string"),
                error(t -> t.table("not_table"), "route[0].not_table", "expected a table"),
                error(t -> t.table("headers").orElseThrow().integer("x_frame", 0),
                        "route[0].headers.x_frame", "expected a whole number"));
    }

    private static Arguments error(Function<TableConfig, Object> getter, String key,
                                   String reason) {
        return Arguments.of(getter, key, reason);
    }

    @ParameterizedTest(name = "{1}: {2}")
    @MethodSource("typeErrors")
    void wrongTypeNamesTheFullKey(Function<TableConfig, Object> getter, String key,
                                  String reason) {
        ConfigException e = assertThrows(ConfigException.class, () -> getter.apply(route));
        assertEquals(key, e.key());
        assertEquals(reason, e.reason());
        assertTrue(source.lineOf(e.key()) >= 4, "line of " + key);
    }

    @Test
    void pluginErrorsGetTheirLineFromTheSource() {
        ConfigException e = route.error("workers", "must be at most 2");
        assertEquals(new ConfigError(source.file(), 15, "route[0].workers", "must be at most 2"),
                source.error(e));
    }

    @Test
    void tableFromPlainValues() {
        TableConfig table = TableConfig.of("validator[0]",
                Map.of("limit", 3, "paths", List.of("/a", "/b"), "dir", "data",
                        "inner", Map.of("on", true)), dir);
        assertEquals(3, table.integer("limit", 0));
        assertEquals(List.of("/a", "/b"), table.strings("paths", List.of()));
        assertEquals(dir.resolve("data"), table.path("dir").orElseThrow());
        assertEquals(Set.of("inner"), table.unreadKeys());
        PluginConfig inner = table.table("inner").orElseThrow();
        assertEquals(Set.of("inner.on"), table.unreadKeys());
        assertTrue(inner.bool("on", false));
        assertEquals(Set.of(), table.unreadKeys());
        assertEquals("validator[0].limit", table.error("limit", "x").key());
    }

    @Test
    void contentIsTheFolderAndTheValuesAsJson() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("root", "www");
        values.put("index", List.of("index.html", "a \"b\""));
        values.put("max", 5L);
        values.put("inner", Map.of("on", true));
        assertEquals(dir.toAbsolutePath() + " {\"root\":\"www\",\"index\":[\"index.html\","
                + "\"a \\\"b\\\"\"],\"max\":5,\"inner\":{\"on\":true}}",
                TableConfig.of("route[0]", values, dir).content());
    }

    @Test
    void aValueTomlCannotHoldIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TableConfig.of("x", Map.of("wait", Duration.ofSeconds(1)), dir));
        assertEquals("not a string, number, boolean, list or map: java.time.Duration",
                e.getMessage());
    }
}
