package io.httpd.plugin.guard;

import io.httpd.api.ConfigException;
import io.httpd.api.PluginConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link PluginConfig} over a map, for tests: strings, lists of strings and nested maps; paths
 * resolve against a folder. The server's own implementation lives in the core.
 */
final class MapConfig implements PluginConfig {
    private final String path;
    private final Map<String, Object> values;
    private final Path folder;

    /** A {@code [[validator]]} table from alternating keys and values. */
    static MapConfig of(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return new MapConfig("validator[0]", map, Path.of("."));
    }

    MapConfig(String path, Map<String, ?> values, Path folder) {
        this.path = path;
        this.values = new LinkedHashMap<>(values);
        this.folder = folder;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public Set<String> keys() {
        return values.keySet();
    }

    @Override
    public Optional<String> string(String key) {
        Object v = values.get(key);
        if (v != null && !(v instanceof String)) {
            throw error(key, "expected a string");
        }
        return Optional.ofNullable((String) v);
    }

    @Override
    public long integer(String key, long defaultValue) {
        return values.containsKey(key) ? ((Number) values.get(key)).longValue() : defaultValue;
    }

    @Override
    public boolean bool(String key, boolean defaultValue) {
        return values.containsKey(key) ? (Boolean) values.get(key) : defaultValue;
    }

    @Override
    public long size(String key, long defaultValue) {
        return integer(key, defaultValue);
    }

    @Override
    public Duration duration(String key, Duration defaultValue) {
        return values.containsKey(key) ? Duration.parse((String) values.get(key)) : defaultValue;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<String> strings(String key, List<String> defaultValue) {
        Object v = values.get(key);
        return v == null ? defaultValue : v instanceof String s ? List.of(s) : (List<String>) v;
    }

    @Override
    public Optional<Path> path(String key) {
        return string(key).map(folder::resolve);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<PluginConfig> table(String key) {
        Object v = values.get(key);
        if (v != null && !(v instanceof Map)) {
            throw new ConfigException(path + "." + key, "expected a table");
        }
        return Optional.ofNullable((Map<String, ?>) v)
                .map(m -> new MapConfig(path + "." + key, m, folder));
    }
}
