package io.httpd.dist;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A server started with SIGHUP ignored (nohup) cannot reload: the JVM keeps an ignored signal
 * ignored. It says so once at start-up, naming the cause.
 */
class IgnoredHangupIT {
    private static final String WARNING = "WARN  Lifecycle signal.ignored signal=\"SIGHUP\" "
            + "cause=\"ignored when the process started (nohup ignores SIGHUP), so it does "
            + "nothing; start with setsid or systemd\"";

    @TempDir
    Path dir;

    private String startAndStop(List<String> wrapper) throws Exception {
        Path config = ImageProcess.writeConfig(dir, ImageProcess.ANY_PORT);
        try (ImageProcess server = ImageProcess.startUnder(wrapper, dir, "-c", config.toString())) {
            server.awaitPort(Duration.ofSeconds(20));
            server.signal("TERM");
            assertEquals(0, server.awaitExit(Duration.ofSeconds(20)), server.output());
            return server.output();
        }
    }

    @Test
    void underNohupTheServerWarnsThatSighupDoesNothing() throws Exception {
        String output = startAndStop(List.of("nohup"));
        assertEquals(1, output.lines().filter(l -> l.endsWith(WARNING)).count(), output);
    }

    @Test
    void withHupIgnoredByTheShellTheServerWarnsToo() throws Exception {
        String output = startAndStop(List.of("sh", "-c", "trap '' HUP; exec \"$0\" \"$@\""));
        assertTrue(output.lines().anyMatch(l -> l.endsWith(WARNING)), output);
    }

    @Test
    void startedNormallyTheServerDoesNotWarn() throws Exception {
        String output = startAndStop(List.of());
        assertFalse(output.contains("signal.ignored"), output);
    }
}
