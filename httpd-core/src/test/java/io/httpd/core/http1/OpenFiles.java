package io.httpd.core.http1;

import java.io.IOException;
import java.time.Duration;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The file descriptors this JVM holds, from Linux's /proc/self: for tests that open many
 * sockets and must leave none behind, and must not ask for more than the limit allows.
 */
final class OpenFiles {
    private static final Path FDS = Path.of("/proc/self/fd");

    private OpenFiles() {
    }

    /** Whether descriptors can be counted here (Linux). */
    static boolean countable() {
        return Files.isDirectory(FDS);
    }

    static int count() {
        try (Stream<Path> fds = Files.list(FDS)) {
            return (int) fds.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The soft limit on open files (ulimit -n), or Long.MAX_VALUE when unlimited or unknown. */
    static long limit() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/self/limits"));
            for (String line : lines) {
                if (line.startsWith("Max open files")) {
                    String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
                    return soft.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(soft);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // unknown: assume enough
        }
        return Long.MAX_VALUE;
    }

    /**
     * Waits, at most 10 s, until no more than baseline + slack descriptors are open: closes on
     * both sides of a socket settle asynchronously. Fails with the count otherwise.
     */
    static void awaitAtMost(int baseline, int slack) throws InterruptedException {
        Await.until(() -> count() <= baseline + slack, Duration.ofSeconds(10),
                () -> count() + " descriptors open after the test, " + baseline + " before it (slack "
                        + slack + ")");
    }
}
