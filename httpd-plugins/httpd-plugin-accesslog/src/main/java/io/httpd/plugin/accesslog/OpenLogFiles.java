package io.httpd.plugin.accesslog;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * The log files open in this process, by path. Two sinks on one path share one
 * {@link LogFile}: when a reload replaces a sink (its format changed, say) the new one opens
 * while the old one still writes the last records of the exchanges that started before, and
 * the file must not have two writers. With one {@code LogFile}, every line is appended whole
 * under its lock, and the file closes when its last sink closes. While shared, the file keeps
 * the rotation and flush settings of the sink that opened it.
 */
final class OpenLogFiles {
    private static final Map<Path, Shared> OPEN = new HashMap<>();

    private static final class Shared {
        private final LogFile file;
        private int sinks;

        private Shared(LogFile file) {
            this.file = file;
        }
    }

    private OpenLogFiles() {
    }

    /** The file open at this path, or the path opened now. */
    static synchronized LogFile open(LogFileSettings settings, Clock clock) throws IOException {
        Path key = key(settings.path());
        Shared shared = OPEN.get(key);
        if (shared == null) {
            shared = new Shared(LogFile.open(settings, clock));
            OPEN.put(key, shared);
        }
        shared.sinks++;
        return shared.file;
    }

    /** One sink is done with the file: the last one closes it. */
    static synchronized void close(LogFile file) throws IOException {
        Path key = key(file.path());
        Shared shared = OPEN.get(key);
        if (shared == null || shared.file != file) {
            file.close();
            return;
        }
        if (--shared.sinks == 0) {
            OPEN.remove(key);
            file.close();
        }
    }

    private static Path key(Path path) {
        return path.toAbsolutePath().normalize();
    }
}
