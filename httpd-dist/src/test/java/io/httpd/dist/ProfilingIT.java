package io.httpd.dist;

import io.httpd.dist.ImageProcess.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.httpd.dist.ImageProcess.runCommand;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A live server profiled with the image's own tools, as README.md's "Profiling a live server"
 * says: bin/jcmd's thread dump lists the server's threads, a JFR recording started, dumped and
 * stopped with bin/jcmd is one that bin/jfr reads, the heap is the launcher's collector, and
 * native memory tracking switched on through HTTPD_JAVA_OPTS answers.
 */
class ProfilingIT {
    private static final Path BIN = ImageProcess.IMAGE.resolve("bin").toAbsolutePath();

    @TempDir
    Path dir;
    @RegisterExtension
    final ServedImage image = new ServedImage();

    @Test
    void aThreadDumpListsTheListenersAcceptor() throws Exception {
        ImageProcess server = image.serve(dir, ImageProcess.writeConfig(dir, ImageProcess.ECHO_ON_ANY_PORT));
        String dump = jcmd(server, "Thread.print");
        assertTrue(dump.contains("\"accept-" + server.port() + "\""), dump);
    }

    @Test
    void aJfrRecordingStartedAndDumpedWithJcmdIsReadByJfr() throws Exception {
        ImageProcess server = image.serve(dir, ImageProcess.writeConfig(dir, ImageProcess.ECHO_ON_ANY_PORT));
        Path recording = dir.resolve("live.jfr");
        jcmd(server, "JFR.start", "name=live", "settings=profile");
        for (int i = 0; i < 20; i++) {
            assertEquals(200, RawHttp.get(server.port(), "/echo").status());
        }
        String dumped = jcmd(server, "JFR.dump", "name=live", "filename=" + recording);
        assertTrue(dumped.contains("Dumped recording \"live\""), dumped);
        jcmd(server, "JFR.stop", "name=live");
        Result read = runCommand(Map.of(), BIN.resolve("jfr").toString(), "print", "--events",
                "jdk.ActiveRecording", recording.toString());
        assertEquals(0, read.exit(), read.output());
        assertTrue(read.output().contains("name = \"live\""), read.output());
        assertQuiet(read);
    }

    @Test
    void theHeapIsTheLaunchersSerialCollector() throws Exception {
        ImageProcess server = image.serve(dir, ImageProcess.writeConfig(dir, ImageProcess.ECHO_ON_ANY_PORT));
        String heap = jcmd(server, "GC.heap_info");
        assertTrue(heap.contains("def new generation") || heap.contains("DefNew"), heap);
    }

    @Test
    void nativeMemoryTrackingSwitchedOnThroughHttpdJavaOptsAnswers() throws Exception {
        Path config = ImageProcess.writeConfig(dir, ImageProcess.ECHO_ON_ANY_PORT);
        try (ImageProcess server = ImageProcess.startUnder(
                List.of("env", "HTTPD_JAVA_OPTS=-XX:NativeMemoryTracking=summary"), dir,
                "-c", config.toString())) {
            server.awaitPort(Duration.ofSeconds(20));
            String summary = jcmd(server, "VM.native_memory", "summary");
            assertTrue(summary.contains("Total: reserved="), summary);
            assertTrue(summary.contains("Java Heap"), summary);
        }
    }

    /** Runs bin/jcmd PID COMMAND...: it must succeed; returns its output. */
    private static String jcmd(ImageProcess server, String... command) throws Exception {
        List<String> args = new ArrayList<>(List.of(BIN.resolve("jcmd").toString(),
                Long.toString(server.pid())));
        args.addAll(List.of(command));
        Result r = runCommand(Map.of(), args.toArray(String[]::new));
        assertEquals(0, r.exit(), r.output());
        assertQuiet(r);
        return r.output();
    }

    /**
     * The tools' own JVMs log through the image's logback too: at INFO, so without System.exit's
     * DEBUG "Runtime.exit" stack trace at the end of their output.
     */
    private static void assertQuiet(Result r) {
        assertFalse(r.output().contains("Runtime.exit"), r.output());
    }
}
