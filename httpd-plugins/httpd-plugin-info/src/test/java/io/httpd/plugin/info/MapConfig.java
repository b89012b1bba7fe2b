package io.httpd.plugin.info;

import io.httpd.api.PluginConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A {@link PluginConfig} of string values that records the keys read. */
final class MapConfig implements PluginConfig {
    private final Map<String, String> values;
    final Set<String> read = new HashSet<>();

    MapConfig(Map<String, String> values) {
        this.values = values;
    }

    @Override
    public String path() {
        return "route[0]";
    }

    @Override
    public Set<String> keys() {
        return values.keySet();
    }

    @Override
    public Optional<String> string(String key) {
        read.add(key);
        return Optional.ofNullable(values.get(key));
    }

    @Override
    public long integer(String key, long defaultValue) {
        throw new AssertionError("integer " + key);
    }

    @Override
    public boolean bool(String key, boolean defaultValue) {
        throw new AssertionError("bool " + key);
    }

    @Override
    public long size(String key, long defaultValue) {
        throw new AssertionError("size " + key);
    }

    @Override
    public Duration duration(String key, Duration defaultValue) {
        throw new AssertionError("duration " + key);
    }

    @Override
    public List<String> strings(String key, List<String> defaultValue) {
        throw new AssertionError("strings " + key);
    }

    @Override
    public Optional<Path> path(String key) {
        throw new AssertionError("path " + key);
    }

    @Override
    public Optional<PluginConfig> table(String key) {
        throw new AssertionError("table " + key);
    }
}
