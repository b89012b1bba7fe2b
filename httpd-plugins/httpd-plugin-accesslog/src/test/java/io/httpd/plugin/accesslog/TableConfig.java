package io.httpd.plugin.accesslog;

import io.httpd.api.ConfigException;
import io.httpd.api.PluginConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An {@code [[access_log]]} table as the server would hand it over: values as TOML would give
 * them (strings, longs, booleans), paths resolved against a folder, and a record of the keys
 * read so a test can check that none is left unknown.
 */
final class TableConfig implements PluginConfig {
    private final Path folder;
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Set<String> read = new HashSet<>();

    TableConfig(Path folder, Object... keysAndValues) {
        this.folder = folder;
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
    }

    /** Keys present but never read: what the server would report as unknown. */
    Set<String> unread() {
        Set<String> left = new HashSet<>(values.keySet());
        left.removeAll(read);
        return left;
    }

    @Override
    public String path() {
        return "access_log[0]";
    }

    @Override
    public Set<String> keys() {
        return Set.copyOf(values.keySet());
    }

    @Override
    public Optional<String> string(String key) {
        return Optional.ofNullable(value(key, String.class));
    }

    @Override
    public long integer(String key, long defaultValue) {
        Long value = value(key, Long.class);
        return value == null ? defaultValue : value;
    }

    @Override
    public boolean bool(String key, boolean defaultValue) {
        Boolean value = value(key, Boolean.class);
        return value == null ? defaultValue : value;
    }

    @Override
    public long size(String key, long defaultValue) {
        Object value = value(key, Object.class);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Long n) {
            return n;
        }
        String text = (String) value;
        for (var unit : List.of(Map.entry("GiB", 1L << 30), Map.entry("MiB", 1L << 20),
                Map.entry("KiB", 1L << 10))) {
            if (text.endsWith(unit.getKey())) {
                return Long.parseLong(text.substring(0, text.length() - 3)) * unit.getValue();
            }
        }
        return Long.parseLong(text);
    }

    @Override
    public Duration duration(String key, Duration defaultValue) {
        String text = value(key, String.class);
        if (text == null) {
            return defaultValue;
        }
        if (text.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
        }
        long n = Long.parseLong(text.substring(0, text.length() - 1));
        return switch (text.charAt(text.length() - 1)) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            default -> throw error(key, "not a duration");
        };
    }

    @Override
    public List<String> strings(String key, List<String> defaultValue) {
        throw new UnsupportedOperationException(key);
    }

    @Override
    public Optional<Path> path(String key) {
        return string(key).map(folder::resolve);
    }

    @Override
    public Optional<PluginConfig> table(String key) {
        throw new UnsupportedOperationException(key);
    }

    private <T> T value(String key, Class<T> type) {
        read.add(key);
        Object value = values.get(key);
        if (value != null && !type.isInstance(value)) {
            throw new ConfigException(path() + "." + key, "wrong type");
        }
        return type.cast(value);
    }
}
