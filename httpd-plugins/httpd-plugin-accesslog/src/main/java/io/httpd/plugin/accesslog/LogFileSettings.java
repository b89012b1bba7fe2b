package io.httpd.plugin.accesslog;

import io.httpd.api.PluginConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The keys that both sinks share, read from one {@code [[access_log]]} table.
 *
 * @param path          {@code path}: the log file (required; relative to httpd.toml's folder)
 * @param rotateSize    {@code rotate_size}: rotate before a line would take the file past this
 *                      many bytes; 0 when the key is absent (no rotation by size)
 * @param rotateDaily   {@code rotate_daily}: rotate at the first line after local midnight
 *                      (default false)
 * @param keep          {@code keep}: rotated files kept, {@code NAME.1} (newest) to
 *                      {@code NAME.<keep>} (default 7; 0 deletes the file on rotation)
 * @param flushInterval {@code flush_interval}: the longest a written line may wait in the
 *                      buffer while lines keep coming (default 1s; 0 writes every line at once)
 */
record LogFileSettings(Path path, long rotateSize, boolean rotateDaily, int keep,
                       Duration flushInterval) {
    static final int DEFAULT_KEEP = 7;
    static final int MAX_KEEP = 1000;
    static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofSeconds(1);

    LogFileSettings {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(flushInterval, "flushInterval");
        if (rotateSize < 0 || keep < 0 || flushInterval.isNegative()) {
            throw new IllegalArgumentException("negative setting");
        }
    }

    /** Reads {@code path}, {@code rotate_size}, {@code rotate_daily}, {@code keep} and {@code flush_interval}. */
    static LogFileSettings read(PluginConfig config) {
        Optional<Path> path = config.path("path"); // required, checked last: see below
        long rotateSize = 0;
        if (config.keys().contains("rotate_size")) {
            rotateSize = config.size("rotate_size", 0);
            if (rotateSize <= 0) {
                throw config.error("rotate_size", "must be more than 0 bytes");
            }
        }
        boolean rotateDaily = config.bool("rotate_daily", false);
        long keep = config.integer("keep", DEFAULT_KEEP);
        if (keep < 0 || keep > MAX_KEEP) {
            throw config.error("keep", "must be 0 to " + MAX_KEEP);
        }
        Duration flushInterval = config.duration("flush_interval", DEFAULT_FLUSH_INTERVAL);
        if (flushInterval.isNegative()) {
            throw config.error("flush_interval", "must not be negative");
        }
        // after every other key is read, so that the server can tell the unknown ones
        return new LogFileSettings(path.orElseThrow(() -> config.error("path", "required")),
                rotateSize, rotateDaily, (int) keep, flushInterval);
    }
}
