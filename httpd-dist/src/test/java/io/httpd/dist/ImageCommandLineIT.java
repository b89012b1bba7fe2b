package io.httpd.dist;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** bin/httpd's command line from the real image (DESIGN.md "Distribution and command line"). */
class ImageCommandLineIT {
    @TempDir
    Path dir;

    @Test
    void versionPrintsServerAndJavaVersions() throws Exception {
        ImageProcess.Result r = ImageProcess.run(dir, "-v");
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().matches("(?s)httpd \\d+\\.\\d+\\.\\d+.*\\nJava 25.*"), r.output());
    }

    @Test
    void checkAcceptsTheShippedConfigFromAnyWorkingDirectory() throws Exception {
        Path conf = ImageProcess.IMAGE.resolve("conf/httpd.toml").toAbsolutePath();
        ImageProcess.Result r = ImageProcess.run(dir, "-t", "-c", conf.toString());
        assertEquals(0, r.exit(), r.output());
        assertEquals(conf + ": ok (3 routes, 4 plugin instances, 10 plugins found)", r.output());
    }

    @Test
    void checkRefusesABrokenConfigNamingFileLineAndKey() throws Exception {
        Path file = ImageProcess.writeConfig(dir, ImageProcess.ANY_PORT + """

                [limits]
                header_bytes = "lots"
                """);
        ImageProcess.Result r = ImageProcess.run(dir, "-t", "-c", file.toString());
        assertEquals(2, r.exit(), r.output());
        assertTrue(r.output().startsWith(file + ":5: limits.header_bytes: "), r.output());
    }

    /**
     * Every error at once, whatever stage finds it: a core key, a handler id, and in each
     * plugin table every bad value and the unknown keys beside them.
     */
    @Test
    void checkReportsEveryErrorOfTheFileInOneRun() throws Exception {
        Path file = ImageProcess.writeConfig(dir, ImageProcess.ANY_PORT + """

                [limits]
                header_bytes = "lots"

                [[route]]
                path = "/"
                handler = "static"
                root = "no-such-dir"
                listing = "yes"
                colour = "blue"

                [[route]]
                path = "/x"
                handler = "nope"

                [[access_log]]
                sink = "file"
                path = "access.log"
                format = "apache"
                keep = -1
                rotat = "1MiB"
                """);
        ImageProcess.Streams r = ImageProcess.runApart(dir, "-t", "-c", file.toString());
        assertEquals(new ImageProcess.Streams(2, "", """
                FILE:5: limits.header_bytes: not a size: "lots" (write it like "16KiB")
                FILE:10: route[0].root: not an existing directory: DIR/no-such-dir
                FILE:11: route[0].listing: expected true or false
                FILE:12: route[0].colour: unknown key
                FILE:16: route[1].handler: no route handler 'nope'; available: echo, info, static
                FILE:21: access_log[0].format: must be "common" or "combined", not "apache"
                FILE:22: access_log[0].keep: must be 0 to 1000
                FILE:23: access_log[0].rotat: unknown key
                """.replace("FILE", file.toString())
                .replace("DIR", file.toAbsolutePath().getParent().toString())), r);
    }

    @Test
    void checkCountsInTheSingularForOne() throws Exception {
        Path file = ImageProcess.writeConfig(dir, ImageProcess.ECHO_ON_ANY_PORT);
        ImageProcess.Streams r = ImageProcess.runApart(dir, "-t", "-c", file.toString());
        assertEquals(new ImageProcess.Streams(0,
                file + ": ok (1 route, 1 plugin instance, 10 plugins found)\n", ""), r);
    }

    /** Each column as wide as its widest cell, two spaces apart. */
    @Test
    void listPluginsShowsTheBuiltInPluginsInColumnsSizedToThem() throws Exception {
        ImageProcess.Streams r = ImageProcess.runApart(dir, "--list-plugins");
        String v = "@" + r.out().replaceFirst("(?s).*io\\.httpd\\.plugin\\.echo@(\\S+).*", "$1");
        List<List<String>> rows = List.of(List.of("KIND", "ID", "MODULE", "SOURCE"),
                List.of("route", "echo", "io.httpd.plugin.echo" + v, "built-in"),
                List.of("route", "info", "io.httpd.plugin.info" + v, "built-in"),
                List.of("route", "static", "io.httpd.plugin.staticfiles" + v, "built-in"),
                List.of("validator", "access", "io.httpd.plugin.guard" + v, "built-in"),
                List.of("validator", "basic-auth", "io.httpd.plugin.guard" + v, "built-in"),
                List.of("validator", "ratelimit", "io.httpd.plugin.guard" + v, "built-in"),
                List.of("access_log", "file", "io.httpd.plugin.accesslog" + v, "built-in"),
                List.of("access_log", "json", "io.httpd.plugin.accesslog" + v, "built-in"),
                List.of("tls", "keystore", "io.httpd.plugin.tls" + v, "built-in"),
                List.of("tls", "pem", "io.httpd.plugin.tls" + v, "built-in"));
        int[] widths = new int[3];
        for (List<String> row : rows) {
            for (int i = 0; i < 3; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder expected = new StringBuilder();
        for (List<String> row : rows) {
            expected.append(("%-" + widths[0] + "s  %-" + widths[1] + "s  %-" + widths[2]
                    + "s  %s\n").formatted(row.toArray()));
        }
        assertEquals(new ImageProcess.Streams(0, expected.toString(), ""), r);
    }

    /** A usage error prints the reason and the usage on stderr, nothing else, and exits 2. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("usageErrors")
    void aUsageErrorIsTheUsageAndExitTwo(List<String> args, String reason) throws Exception {
        ImageProcess.Streams r = ImageProcess.runApart(dir, args.toArray(String[]::new));
        assertEquals(new ImageProcess.Streams(2, "", "httpd: " + reason + "\n" + USAGE), r);
    }

    static Stream<Arguments> usageErrors() {
        return Stream.of(
                Arguments.of(List.of(), "missing -c FILE"),
                Arguments.of(List.of("-t"), "missing -c FILE"),
                Arguments.of(List.of("--bogus"), "unknown argument: --bogus"),
                Arguments.of(List.of("-c"), "-c needs a FILE"));
    }

    /** What bin/httpd prints as its usage: the user-facing text, pinned to the letter. */
    private static final String USAGE = usage();

    private static String usage() {
        try (var in = ImageCommandLineIT.class.getResourceAsStream("usage.txt")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void helpIsTheUsageOnStdoutAndExitZero() throws Exception {
        assertEquals(new ImageProcess.Streams(0, USAGE, ""), ImageProcess.runApart(dir, "--help"));
    }

    @Test
    void aPortInUseIsOneLineAndExitOne() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            Path file = ImageProcess.writeConfig(dir, """
                    [[listen]]
                    address = "127.0.0.1:%d"
                    """.formatted(taken.getLocalPort()));
            ImageProcess.Result r = ImageProcess.run(dir, "-c", file.toString());
            assertEquals(1, r.exit(), r.output());
            assertTrue(r.output().contains("httpd: cannot listen on 127.0.0.1:"
                    + taken.getLocalPort() + ": "), r.output());
            assertTrue(!r.output().contains("\tat "), "no stack trace: " + r.output());
        }
    }
}
