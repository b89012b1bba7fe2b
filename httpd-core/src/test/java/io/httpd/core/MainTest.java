package io.httpd.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line's output and exit codes (README.md "Command line"). */
class MainTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void checkPrintsOneLineOnSuccess() throws Exception {
        Path file = dir.resolve("ok.toml");
        Files.writeString(file, "[[listen]]\naddress = \"127.0.0.1:0\"\n");
        assertEquals(0, run("-t", "-c", file.toString()));
        assertEquals(file + ": ok (0 routes, 0 plugin instances, 0 plugins found)\n",
                out.toString(StandardCharsets.UTF_8));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    static Stream<Arguments> badConfigs() {
        String missing = ":6: route[0].handler: no route handler 'missing'; available: (none)";
        return Stream.of(
                Arguments.of("127.0.0.1:99999",
                        List.of(":2: listen[0].address: port must be 0 to 65535, not \"99999\"",
                                missing)),
                // names the plugin ids no plugin provides
                Arguments.of("127.0.0.1:0", List.of(missing)));
    }

    /** Every problem, one line each with the file and line, and exit code 2. */
    @ParameterizedTest
    @MethodSource("badConfigs")
    void checkPrintsEveryProblemAndExitsTwo(String address, List<String> problems) throws Exception {
        Path file = dir.resolve("bad.toml");
        Files.writeString(file, """
                [[listen]]
                address = "%s"

                [[route]]
                path = "/x"
                handler = "missing"
                """.formatted(address));
        assertEquals(2, run("-t", "-c", file.toString()));
        assertEquals(problems.stream().map(p -> file + p + "\n").collect(Collectors.joining()),
                err.toString(StandardCharsets.UTF_8));
    }

    /** A broken plugin jar does not hide the config's own errors, nor they it. */
    @Test
    void checkPrintsTheConfigsErrorsAndThePluginProblemsTogether() throws Exception {
        Files.createDirectory(dir.resolve("plugins"));
        Files.writeString(dir.resolve("plugins/broken.jar"), "not a zip");
        Path file = dir.resolve("bad.toml");
        Files.writeString(file, """
                [[listen]]
                address = "127.0.0.1:0"

                [limits]
                header_bytes = 0
                """);
        assertEquals(2, run("-t", "-c", file.toString()));
        List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(2, lines.size(), lines.toString());
        assertEquals(file + ":5: limits.header_bytes: must be greater than 0", lines.get(0));
        assertTrue(lines.get(1).contains("broken.jar: "), lines.get(1));
    }

    /** --list-plugins -c reads only plugins_dir: the file's other errors do not stop it. */
    @Test
    void listPluginsNeedsOnlyThePluginsFolderOfTheConfig() throws Exception {
        Path file = dir.resolve("bad.toml");
        Files.writeString(file, """
                [limits]
                header_bytes = 0
                """);
        assertEquals(0, run("--list-plugins", "-c", file.toString()));
        assertEquals("KIND  ID  MODULE  SOURCE\n", out.toString(StandardCharsets.UTF_8));
        Files.writeString(file, "[server]\nplugins_dir = 1\n");
        assertEquals(2, run("--list-plugins", "-c", file.toString()));
        assertEquals(file + ":2: server.plugins_dir: expected a string\n",
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void versionNamesServerAndJava() {
        assertEquals(0, run("-v"));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("httpd "));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("\nJava 25"));
    }

    @Test
    void countsAreSingularForOne() {
        assertEquals("0 routes", Main.count(0, "route"));
        assertEquals("1 route", Main.count(1, "route"));
        assertEquals("2 plugin instances", Main.count(2, "plugin instance"));
    }

    @Test
    void columnsAreAsWideAsTheirWidestCell() {
        Columns.print(List.of(List.of("KIND", "ID", "SOURCE"),
                List.of("access_log", "json", "built-in"),
                List.of("route", "static", "plugins/x.jar")),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertEquals("""
                KIND        ID      SOURCE
                access_log  json    built-in
                route       static  plugins/x.jar
                """, out.toString(StandardCharsets.UTF_8));
    }

    /**
     * Logging is set up before a usage error exits: else logback's default (DEBUG, stdout)
     * prints System.exit's own "Runtime.exit() called" trace after the usage.
     */
    @Test
    void aUsageErrorSetsUpQuietLoggingBeforeExiting() {
        String level = System.clearProperty("httpd.log.level");
        try {
            assertEquals(2, run("--bogus"));
            assertEquals("WARN", System.getProperty("httpd.log.level"));
            assertEquals("", out.toString(StandardCharsets.UTF_8));
            assertEquals("httpd: unknown argument: --bogus\n" + CommandLine.USAGE + "\n",
                    err.toString(StandardCharsets.UTF_8));
        } finally {
            if (level != null) {
                System.setProperty("httpd.log.level", level);
            }
        }
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, run("-c"));
        assertEquals(2, run("--frobnicate"));
        assertEquals(2, run("-t"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage: httpd -c FILE"));
    }
}
