package io.httpd.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A read-only, typed view of a plugin's table in httpd.toml. Every getter throws
 * {@link ConfigException} naming the full key when the value has the wrong type or form.
 * The server reports as unknown every key of the table that the factory did not read, so a
 * plugin is strict by reading each key it supports.
 *
 * <p>Sizes are a number of bytes or a string such as {@code "16KiB"}, {@code "10MiB"},
 * {@code "1GiB"}; durations a string such as {@code "500ms"}, {@code "10s"}, {@code "5m"},
 * {@code "1h"}. Strings have {@code ${NAME}} and {@code ${NAME:-default}} already replaced
 * from the environment.
 */
public interface PluginConfig {
    /** Where this table sits in httpd.toml, such as {@code route[2]} or {@code tls.main}. */
    String path();

    /** The keys present in the table. Listing them does not count as reading them. */
    Set<String> keys();

    /** A string value, or empty when the key is absent. */
    Optional<String> string(String key);

    /** A string value, or the default when the key is absent. */
    default String string(String key, String defaultValue) {
        return string(key).orElse(defaultValue);
    }

    /** A string value that must be present. */
    default String requireString(String key) {
        return string(key).orElseThrow(() -> error(key, "required"));
    }

    /** A whole number, or the default when the key is absent. */
    long integer(String key, long defaultValue);

    /** A boolean, or the default when the key is absent. */
    boolean bool(String key, boolean defaultValue);

    /** A size in bytes, or the default when the key is absent. */
    long size(String key, long defaultValue);

    /** A duration, or the default when the key is absent. */
    Duration duration(String key, Duration defaultValue);

    /** A list of strings (a single string counts as a list of one), or the default. */
    List<String> strings(String key, List<String> defaultValue);

    /**
     * A path, resolved against the folder of httpd.toml when relative, or empty when the key is
     * absent. The file need not exist.
     */
    Optional<Path> path(String key);

    /** A nested table, or empty when the key is absent. */
    Optional<PluginConfig> table(String key);

    /** An error about one key of this table, to throw from a factory. */
    default ConfigException error(String key, String reason) {
        return new ConfigException(path().isEmpty() ? key : path() + "." + key, reason);
    }
}
