package io.httpd.dist;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The image's conf/httpd.service, checked by systemd's own parser, and what it promises. */
class SystemdUnitIT {
    private static final Path ANALYZE = Path.of("/usr/bin/systemd-analyze");

    @TempDir
    Path dir;

    @Test
    void systemdAcceptsTheUnitPointedAtThisImage() throws Exception {
        assertTrue(Files.isExecutable(ANALYZE), "this test needs systemd-analyze (Debian: systemd)");
        String unit = Files.readString(ImageProcess.IMAGE.resolve("conf/httpd.service"));
        for (String line : new String[] {"Type=exec", "KillSignal=SIGTERM",
                "ExecReload=/bin/kill -HUP $MAINPID", "NoNewPrivileges=yes",
                "ProtectSystem=strict", "RestartPreventExitStatus=2"}) {
            assertTrue(unit.lines().anyMatch(line::equals), line + " in\n" + unit);
        }
        Path file = dir.resolve("httpd.service");
        Files.writeString(file, unit.replace("/opt/httpd",
                ImageProcess.IMAGE.toAbsolutePath().normalize().toString()));
        Process p = new ProcessBuilder(ANALYZE.toString(), "verify", file.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "systemd-analyze did not finish");
        assertEquals("", out.strip());
        assertEquals(0, p.exitValue(), out);
    }
}
