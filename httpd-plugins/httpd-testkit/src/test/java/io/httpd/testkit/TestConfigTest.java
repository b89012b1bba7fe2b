package io.httpd.testkit;

import io.httpd.api.RouteHandler;
import io.httpd.core.Httpd;
import io.httpd.core.config.ConfigError;
import io.httpd.core.config.ConfigErrors;
import io.httpd.core.config.ConfigLoader;
import io.httpd.core.plugin.PluginKind;
import io.httpd.core.plugin.PluginRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The test kit's config gives the server's messages: each snippet is checked by the kit and,
 * written by hand into a whole httpd.toml, by the server's loader and plugin wiring; the two
 * lists of problems must agree, message by message, and each is also asserted in full.
 */
class TestConfigTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            'count = 11'                 | 'route[0].count: must be 10 or less'
            'count = "3"'                | 'route[0].count: expected a whole number'
            'loud = "yes"'               | 'route[0].loud: expected true or false'
            'size = "10XB"'              | 'route[0].size: unknown unit "XB" in "10XB" (use B, KiB, MiB, GiB, TiB, KB, MB, GB or TB)'
            'wait = 10'                  | 'route[0].wait: expected a duration such as "10s"'
            'tags = [1]'                 | 'route[0].tags[0]: expected a string'
            'file = ""'                  | 'route[0].file: must not be empty'
            'colour = "red"'             | 'route[0].colour: unknown key'
            'nested = { inner = "a", outer = 1 }' | 'route[0].nested.outer: unknown key'
            'text = "boom"'              | 'route[0].handler: route handler ''knobs'' failed: java.lang.IllegalStateException: boom'
            'text = "${HTTPD_TESTKIT_UNSET_VARIABLE}"' | 'route[0].text: environment variable HTTPD_TESTKIT_UNSET_VARIABLE is not set'
            """)
    void problemsAreTheServersMessageByMessage(String snippet, String expected) throws Exception {
        List<String> kit = TestConfig.problems(new KnobsProvider(), snippet);
        assertEquals(server(snippet), kit);
        assertEquals(List.of(expected), kit);
    }

    /** The server's own reading of the same snippet in a hand-written httpd.toml. */
    private List<String> server(String snippet) throws Exception {
        Path file = Files.writeString(dir.resolve("httpd.toml"), """
                [[listen]]
                address = "127.0.0.1:0"

                [[route]]
                path = "/knobs"
                handler = "knobs"
                """ + snippet + "\n");
        try {
            PluginRegistry registry = PluginRegistry.of(List.of(new PluginRegistry.Found(
                    PluginKind.ROUTE, new KnobsProvider(), PluginRegistry.BUILT_IN)));
            Httpd.create(ConfigLoader.load(file), registry).discard();
            return List.of();
        } catch (ConfigErrors e) {
            return e.errors().stream().map(TestConfigTest::keyAndReason).toList();
        }
    }

    private static String keyAndReason(ConfigError e) {
        return e.key().isEmpty() ? e.reason() : e.key() + ": " + e.reason();
    }

    @Test
    void aGoodSnippetGivesTheInstanceWithTheGrammarsValues() throws Exception {
        RouteHandler handler = TestConfig.create(new KnobsProvider(), """
                text = "yo"
                count = 3
                loud = true
                size = "16KiB"
                wait = "500ms"
                tags = "one"
                """, new TestServerView().version("9.9.9"));
        assertEquals("yo 3 true 16384 PT0.5S [one] 9.9.9\n",
                ResponseContent.text(handler.handle(TestRequest.get("/test/").build())));
    }

    @Test
    void theMessageCountsLinesWithinTheSnippet() {
        ConfigRefused e = assertThrows(ConfigRefused.class,
                () -> TestConfig.create(new KnobsProvider(), "text = \"a\"\ncount = 11\n"));
        assertEquals("2: route[0].count: must be 10 or less", e.getMessage());
        assertEquals(List.of(new ConfigRefused.Problem(2, "route[0].count", "must be 10 or less")),
                e.details());
    }

    @Test
    void invalidTomlIsTheServersSyntaxError() {
        ConfigRefused e = assertThrows(ConfigRefused.class,
                () -> TestConfig.table(new KnobsProvider(), "text = \n"));
        assertEquals(1, e.details().size());
        assertEquals("", e.details().getFirst().key());
    }
}
