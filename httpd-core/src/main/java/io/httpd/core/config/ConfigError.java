package io.httpd.core.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One problem in a configuration file.
 *
 * @param file   the file, as it was given
 * @param line   the 1-based line, or 0 when unknown
 * @param key    the key path, such as {@code route[2].methods}; empty for a problem of the whole
 *               file (unreadable, not TOML)
 * @param reason what is wrong, for a person to read
 */
public record ConfigError(Path file, int line, String key, String reason) {

    public ConfigError {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(reason, "reason");
        if (line < 0) {
            throw new IllegalArgumentException("line < 0: " + line);
        }
    }

    /**
     * The error as {@code bin/httpd -t} prints it: {@code FILE:LINE: key: reason}, without
     * {@code :LINE} when the line is unknown and without {@code key: } when the key is empty.
     */
    public String format() {
        StringBuilder out = new StringBuilder(file.toString());
        if (line > 0) {
            out.append(':').append(line);
        }
        out.append(": ");
        if (!key.isEmpty()) {
            out.append(key).append(": ");
        }
        return out.append(reason).toString();
    }
}
