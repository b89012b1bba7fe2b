package io.httpd.plugin.staticfiles;

import io.httpd.api.PluginConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link PluginConfig} over a map, as the server's TOML-backed one behaves: typed getters
 * that fail naming the key, paths relative to a folder, and a record of the keys read so
 * that a test can see which ones the server would report as unknown.
 */
final class MapConfig implements PluginConfig {
    private final String path;
    private final Map<String, Object> values;
    private final Path folder;
    private final Set<String> read = new HashSet<>();
    private final Map<String, MapConfig> children = new LinkedHashMap<>();

    MapConfig(String path, Map<String, ?> values, Path folder) {
        this.path = path;
        this.values = new LinkedHashMap<>(values);
        this.folder = folder;
    }

    /** The keys nobody read, nested ones as {@code table.key}. */
    Set<String> unreadKeys() {
        Set<String> unread = new LinkedHashSet<>();
        for (String key : values.keySet()) {
            if (!read.contains(key)) {
                unread.add(key);
            } else if (children.containsKey(key)) {
                children.get(key).unreadKeys().forEach(k -> unread.add(key + "." + k));
            }
        }
        return unread;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public Set<String> keys() {
        return Collections.unmodifiableSet(values.keySet());
    }

    @Override
    public Optional<String> string(String key) {
        return value(key, String.class, "expected a string");
    }

    @Override
    public long integer(String key, long defaultValue) {
        return value(key, Long.class, "expected a whole number").orElse(defaultValue);
    }

    @Override
    public boolean bool(String key, boolean defaultValue) {
        return value(key, Boolean.class, "expected true or false").orElse(defaultValue);
    }

    @Override
    public long size(String key, long defaultValue) {
        return value(key, Long.class, "expected a size").orElse(defaultValue);
    }

    @Override
    public Duration duration(String key, Duration defaultValue) {
        Optional<String> text = value(key, String.class, "expected a duration");
        return text.map(t -> parseDuration(key, t)).orElse(defaultValue);
    }

    @Override
    public List<String> strings(String key, List<String> defaultValue) {
        read.add(key);
        Object value = values.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof String s) {
            return List.of(s);
        }
        if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return list.stream().map(String.class::cast).toList();
        }
        throw error(key, "expected a string or a list of strings");
    }

    @Override
    public Optional<Path> path(String key) {
        return string(key).map(p -> folder.resolve(p).normalize());
    }

    @Override
    public Optional<PluginConfig> table(String key) {
        read.add(key);
        Object value = values.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw error(key, "expected a table");
        }
        @SuppressWarnings("unchecked")
        Map<String, ?> table = (Map<String, ?>) map;
        return Optional.of(children.computeIfAbsent(key,
                k -> new MapConfig(path + "." + k, table, folder)));
    }

    private <T> Optional<T> value(String key, Class<T> type, String expected) {
        read.add(key);
        Object value = values.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (type == Long.class && value instanceof Integer i) {
            value = i.longValue();
        }
        if (!type.isInstance(value)) {
            throw error(key, expected);
        }
        return Optional.of(type.cast(value));
    }

    /** {@code 500ms}, {@code 10s}, {@code 5m}, {@code 1h}. */
    private Duration parseDuration(String key, String text) {
        try {
            if (text.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
            }
            long n = Long.parseLong(text.substring(0, text.length() - 1));
            return switch (text.charAt(text.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                default -> throw error(key, "not a duration: " + text);
            };
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            throw error(key, "not a duration: " + text);
        }
    }
}
