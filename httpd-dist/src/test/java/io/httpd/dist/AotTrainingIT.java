package io.httpd.dist;

import io.httpd.dist.ImageProcess.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.UUID;

import static io.httpd.dist.ImageProcess.runCommand;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The build's AOT training (src/build/train-aot.sh and finish-image.sh) with injected children:
 * a slow one still trains, and every failure gives no cache and no leftover process, never a
 * failed build or a stale cache or tar.gz.
 */
class AotTrainingIT {
    private static final Path TRAIN = Path.of("src/build/train-aot.sh").toAbsolutePath();
    private static final Path FINISH = Path.of("src/build/finish-image.sh").toAbsolutePath();
    private static final Path LAUNCHER = ImageProcess.IMAGE.resolve("bin/httpd").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void aChildSlowToStartStillTrainsACache() throws Exception {
        Path launcher = stub("sleep 3; exec " + LAUNCHER + " \"$@\"");
        Path out = dir.resolve("httpd.aot");
        Result r = runCommand(Map.of("AOT_LAUNCHER", launcher.toString()), "bash", TRAIN.toString(),
                ImageProcess.IMAGE.toString(), out.toString());
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("train-aot: 840 requests served"), r.output());
        assertTrue(Files.size(out) > 1_000_000, "cache size " + Files.size(out));
    }

    /** Each child fails a different step; a stale cache at OUT must not survive either. */
    @ParameterizedTest
    @ValueSource(strings = {
        "exit 3",                                   // dies before it listens
        "exec -a @M@ sleep 600",                    // never listens
        // ports (the data and the admin listener's), no server
        "echo 'server.listen address=\"127.0.0.1:1\"'; echo 'server.listen address=\"127.0.0.1:2\"'; "
                + "exec -a @M@ sleep 600",
        SERVER_THEN_KILL,                             // listens, then dies mid-training
    })
    void everyFailureGivesNoCacheAndNoLeftoverProcess(String child) throws Exception {
        String marker = "aot-it-" + UUID.randomUUID();
        Path launcher = stub(child.replace("@M@", marker));
        Path out = dir.resolve("httpd.aot");
        Files.writeString(out, "stale");
        Result r = runCommand(Map.of("AOT_LAUNCHER", launcher.toString(), "AOT_START_TIMEOUT", "3",
                "AOT_STOP_TIMEOUT", "3"), "bash", TRAIN.toString(),
                ImageProcess.IMAGE.toString(), out.toString());
        assertNotEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("train-aot: "), r.output());
        assertFalse(Files.exists(out), "a cache survived a failed training");
        assertFalse(ProcessHandle.allProcesses().anyMatch(p -> p.info().commandLine()
                .orElse("").contains(marker)), "the training child outlived the script");
    }

    private static final String SERVER_THEN_KILL =
            "\"$(dirname \"$0\")/real-httpd\" \"$@\" & child=$!; sleep 2; kill -9 $child; exec -a @M@ sleep 600";

    @Test
    void aFailedTrainingStillPacksTheImageWithoutAStaleCacheOrTarball() throws Exception {
        Path image = Files.createDirectories(dir.resolve("out/httpd/lib"));
        Files.writeString(image.resolve("httpd.aot"), "stale cache");
        Path dist = Files.createDirectories(dir.resolve("dist/bin"));
        Files.writeString(dist.resolve("httpd"), "#!/bin/sh\n");
        Path tarball = dir.resolve("out/httpd-test.tar.gz");
        Files.writeString(tarball, "stale tarball");
        Result r = runCommand(Map.of("AOT_LAUNCHER", stub("exit 3").toString()), "bash", FINISH.toString(),
                image.getParent().toString(), dist.getParent().toString(),
                dir.resolve("no-sdk").toString(), tarball.toString());
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("the image ships without lib/httpd.aot"), r.output());
        assertFalse(Files.exists(image.resolve("httpd.aot")));
        Result list = runCommand(Map.of(), "tar", "-tzf", tarball.toString());
        assertEquals(0, list.exit(), list.output());
        assertTrue(list.output().contains("httpd/bin/httpd"), list.output());
        assertFalse(list.output().contains("httpd.aot"), list.output());
    }

    private Path stub(String body) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("stub-" + UUID.randomUUID()));
        Files.createSymbolicLink(bin.resolve("real-httpd"), LAUNCHER);
        Path launcher = bin.resolve("httpd");
        Files.writeString(launcher, "#!/bin/bash\n" + body + "\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        return launcher;
    }
}
