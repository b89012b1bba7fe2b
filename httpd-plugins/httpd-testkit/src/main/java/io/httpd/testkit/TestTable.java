package io.httpd.testkit;

import io.httpd.api.PluginConfig;
import io.httpd.core.config.TableConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A plugin's table from plain values (strings, numbers, booleans, lists and maps of them), read
 * by the server's own table code: the same size and duration grammar, the same messages, and a
 * record of the keys read. For a factory test that wants no TOML; {@link TestConfig} reads a
 * TOML snippet and runs the whole start-up path instead.
 *
 * <pre>{@code
 * PluginConfig table = TestTable.of("validator[0]", "rate", 5, "period", "1s");
 * RequestValidator v = new RateLimitProvider().create(table, new TestServerView());
 * }</pre>
 */
public final class TestTable implements PluginConfig {
    private final TableConfig table;

    private TestTable(TableConfig table) {
        this.table = table;
    }

    /**
     * A table at {@code path} (such as {@code route[0]} or {@code tls.main}); relative paths
     * resolve against {@code folder}, as they would against the folder of httpd.toml.
     */
    public static TestTable of(String path, Map<String, ?> values, Path folder) {
        return new TestTable(TableConfig.of(path, values, folder));
    }

    /** A table from alternating keys and values; relative paths resolve against {@code folder}. */
    public static TestTable of(String path, Path folder, Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values come in pairs");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return of(path, values, folder);
    }

    /** A table from alternating keys and values; relative paths resolve against the working folder. */
    public static TestTable of(String path, Object... keysAndValues) {
        return of(path, Path.of(""), keysAndValues);
    }

    /**
     * The keys present that nobody read (nested ones as {@code table.key}): what the server
     * would report as unknown.
     */
    public Set<String> unreadKeys() {
        return table.unreadKeys();
    }

    /** The keys a reader asked for, present or not. */
    public Set<String> readKeys() {
        return table.readKeys();
    }

    @Override
    public String path() {
        return table.path();
    }

    @Override
    public Set<String> keys() {
        return table.keys();
    }

    @Override
    public Optional<String> string(String key) {
        return table.string(key);
    }

    @Override
    public long integer(String key, long defaultValue) {
        return table.integer(key, defaultValue);
    }

    @Override
    public boolean bool(String key, boolean defaultValue) {
        return table.bool(key, defaultValue);
    }

    @Override
    public long size(String key, long defaultValue) {
        return table.size(key, defaultValue);
    }

    @Override
    public Duration duration(String key, Duration defaultValue) {
        return table.duration(key, defaultValue);
    }

    @Override
    public List<String> strings(String key, List<String> defaultValue) {
        return table.strings(key, defaultValue);
    }

    @Override
    public Optional<Path> path(String key) {
        return table.path(key);
    }

    @Override
    public Optional<PluginConfig> table(String key) {
        return table.table(key);
    }
}
