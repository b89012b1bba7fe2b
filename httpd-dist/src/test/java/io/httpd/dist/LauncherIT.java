package io.httpd.dist;

import io.httpd.dist.ImageProcess.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

import static io.httpd.dist.ImageProcess.runCommand;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * bin/httpd finds its image through symlinks, quotes every path it passes on, and starts the JVM
 * with its defaults (README.md, "Memory and JVM options") followed by HTTPD_JAVA_OPTS, which win.
 */
class LauncherIT {
    private static final Path LAUNCHER = ImageProcess.IMAGE.resolve("bin/httpd").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void aSymlinkToTheLauncherFromAnotherFolderStillFindsTheImage() throws Exception {
        Path link = Files.createDirectories(dir.resolve("usr/local/bin")).resolve("httpd");
        Files.createSymbolicLink(link, LAUNCHER);
        Result r = runCommand(Map.of(), link.toString(), "-v");
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().startsWith("httpd "), r.output());
    }

    @Test
    void anImageInAFolderWithSpacesStartsWithItsAotCacheAndSplitOptions() throws Exception {
        assertTrue(Files.exists(ImageProcess.IMAGE.resolve("lib/httpd.aot")), "the build trains a cache");
        Path copy = dir.resolve("with space/and 'quote'");
        Files.createDirectories(copy);
        Result cp = runCommand(Map.of(), "cp", "-a", ImageProcess.IMAGE.toAbsolutePath().toString(),
                copy.toString());
        assertEquals(0, cp.exit(), cp.output());
        Result r = runCommand(Map.of("HTTPD_JAVA_OPTS", "-Dhttpd.a=1  -Dhttpd.b=2"),
                copy.resolve("httpd/bin/httpd").toString(), "-v");
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().startsWith("httpd "), "the cache was found, no [error][aot]: " + r.output());
    }

    /** Each row: HTTPD_JAVA_OPTS (blank: none), then a JVM flag and the value it must have. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "                  | UseSerialGC             | true",
        "                  | InitialHeapSize         | 8388608",
        "                  | ShrinkHeapInSteps       | false",
        "                  | UseCompactObjectHeaders | true",
        "                  | TrimNativeHeapInterval  | 5000",
        "                  | ExitOnOutOfMemoryError  | true",
        "-Xms64m           | InitialHeapSize         | 67108864",
        "-XX:+UseG1GC      | UseG1GC                 | true",   // a collector named replaces the serial one
        "-XX:+UseG1GC      | UseSerialGC             | false",
    })
    void httpdJavaOptsComeAfterTheDefaultsAndWin(String opts, String flag, String value) throws Exception {
        Result r = runCommand(Map.of("HTTPD_JAVA_OPTS", (opts == null ? "" : opts) + " -XX:+PrintFlagsFinal"),
                LAUNCHER.toString(), "-v");
        assertEquals(0, r.exit(), r.output());
        assertTrue(Pattern.compile("\\s" + flag + "\\s+= " + value + "\\s").matcher(r.output()).find(),
                flag + " = " + value + " in:\n" + r.output());
    }

    /** The build trains the cache through bin/httpd: it fits the launcher's defaults. */
    @ParameterizedTest
    @ValueSource(strings = {"-Xlog:aot", "-Xlog:aot -XX:+UseG1GC", "-Xlog:aot -Xmx300m",
            // a flight recording from the start adds jdk.jfr, which the cache must expect
            "-Xlog:aot -XX:StartFlightRecording:filename=/dev/null"})
    void theCacheTrainedThroughTheLauncherIsUsed(String opts) throws Exception {
        Result r = runCommand(Map.of("HTTPD_JAVA_OPTS", opts), LAUNCHER.toString(), "-v");
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("Using AOT-linked classes: true"), r.output());
        assertFalse(r.output().contains("[error]"), r.output());
    }
}
