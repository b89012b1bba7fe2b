package io.httpd.dist;

import io.httpd.dist.ImageProcess.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static io.httpd.dist.ImageProcess.runCommand;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** bin/httpd finds its image through symlinks and quotes every path it passes on. */
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
}
