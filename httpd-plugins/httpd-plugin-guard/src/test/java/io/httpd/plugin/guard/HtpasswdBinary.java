package io.httpd.plugin.guard;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Apache's own {@code htpasswd} (Debian's apache2-utils), run at test time so the hashes are
 * the ones operators' files hold. Tests that need it are skipped, with this message, where it
 * is not installed.
 */
final class HtpasswdBinary {
    static final String MISSING = "htpasswd not found: install apache2-utils to check hashes "
            + "against Apache's own htpasswd";

    private HtpasswdBinary() {
    }

    static boolean installed() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, "htpasswd"))) {
                return true;
            }
        }
        return false;
    }

    /** {@code htpasswd -nb FLAGS user password}: one {@code user:hash} line. */
    static String line(String user, String password, String... flags) throws Exception {
        Assumptions.assumeTrue(installed(), MISSING);
        List<String> command = new ArrayList<>(List.of("htpasswd", "-nb"));
        command.addAll(List.of(flags));
        command.add(user);
        command.add(password);
        Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("htpasswd failed: " + command + ": "
                    + new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        return out.strip();
    }
}
