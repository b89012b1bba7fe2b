package io.httpd.core.server;

import io.httpd.core.event.Events;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * The process's limit on open descriptors (ulimit -n) against {@code [limits] connections}:
 * each connection holds one, a file being sent another, and the runtime, listeners and logs
 * some more. Read from Linux's /proc/self/limits (java.management is not in the image, and
 * loading it would cost start-up time); elsewhere nothing is checked.
 */
final class OpenFileLimit {
    /**
     * Descriptors beyond the connections: the runtime, listeners, log files, files being sent,
     * and the files kept open between responses (up to 128: {@code http1.KeptFiles}).
     */
    static final int MARGIN = 256;
    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);
    private static final Path LIMITS = Path.of("/proc/self/limits");

    private OpenFileLimit() {
    }

    /** Warns ({@code server.fd_limit}) when the soft limit is below connections + MARGIN. */
    static void check(int connections) {
        OptionalLong limit = soft();
        long needed = (long) connections + MARGIN;
        if (limit.isPresent() && limit.getAsLong() < needed) {
            LOG.atWarn().setMessage(Events.SERVER_FD_LIMIT)
                    .addKeyValue("open_files_limit", limit.getAsLong())
                    .addKeyValue("connections", connections)
                    .addKeyValue("needed", needed).log();
        }
    }

    /** The soft limit on open files, when known and not unlimited. */
    static OptionalLong soft() {
        try {
            for (String line : Files.readAllLines(LIMITS)) {
                if (line.startsWith("Max open files")) {
                    String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
                    return soft.equals("unlimited") ? OptionalLong.empty()
                            : OptionalLong.of(Long.parseLong(soft));
                }
            }
        } catch (IOException | NumberFormatException | SecurityException e) {
            // not Linux, or not readable: nothing to check
        }
        return OptionalLong.empty();
    }
}
