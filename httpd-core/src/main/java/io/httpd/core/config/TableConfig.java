package io.httpd.core.config;

import io.httpd.api.ConfigException;
import io.httpd.api.PluginConfig;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One table of httpd.toml, read through {@link PluginConfig}: the core reads its own sections
 * this way, and hands plugins theirs. It records which keys were read, so that the rest can be
 * reported as unknown ({@link #unreadKeys()}). Environment references are already replaced.
 *
 * <p>Not thread-safe: a table is read on the main thread during start-up.
 */
public final class TableConfig implements PluginConfig {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final String path;
    private final ObjectNode node;
    private final Path folder;
    private final Set<String> read = new HashSet<>();
    private final Map<String, TableConfig> children = new LinkedHashMap<>();

    /**
     * @param path   where the table sits, such as {@code route[2]}; empty for the whole file
     * @param node   the table's values
     * @param folder the folder of httpd.toml, which relative paths resolve against
     */
    TableConfig(String path, ObjectNode node, Path folder) {
        this.path = Objects.requireNonNull(path, "path");
        this.node = Objects.requireNonNull(node, "node");
        this.folder = folder.toAbsolutePath();
    }

    /**
     * A table from plain values (strings, numbers, booleans, lists and maps of them), for tests
     * and for tables that do not come from a file.
     */
    public static TableConfig of(String path, Map<String, ?> values, Path folder) {
        return new TableConfig(path, (ObjectNode) node(values), folder);
    }

    static TableConfig empty(String path, Path folder) {
        return new TableConfig(path, NODES.objectNode(), folder);
    }

    /** A plain value as a node, the way TOML would give it; anything else is refused. */
    private static JsonNode node(Object value) {
        if (value instanceof Map<?, ?> map) {
            ObjectNode table = NODES.objectNode();
            map.forEach((k, v) -> table.set(String.valueOf(k), node(v)));
            return table;
        }
        if (value instanceof Collection<?> list) {
            ArrayNode array = NODES.arrayNode(list.size());
            list.forEach(v -> array.add(node(v)));
            return array;
        }
        return switch (value) {
            case null -> NODES.nullNode();
            case CharSequence s -> NODES.stringNode(s.toString());
            case Boolean b -> NODES.booleanNode(b);
            case Integer i -> NODES.numberNode(i);
            case Long l -> NODES.numberNode(l);
            case Short i -> NODES.numberNode(i);
            case Byte i -> NODES.numberNode(i);
            case BigInteger i -> NODES.numberNode(i);
            case Double d -> NODES.numberNode(d);
            case Float d -> NODES.numberNode(d);
            case BigDecimal d -> NODES.numberNode(d);
            default -> throw new IllegalArgumentException("not a string, number, boolean, list "
                    + "or map: " + value.getClass().getName());
        };
    }

    /**
     * The table's values and the folder they resolve against, as text: two tables with the
     * same content configure the same instance (a reload carries such an instance over).
     */
    public String content() {
        return folder + " " + JsonText.of(node);
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public Set<String> keys() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(node.propertyNames()));
    }

    /**
     * The keys nobody read, in file order, relative to this table; unread keys of nested tables
     * that were read through {@link #table} appear as {@code nested.key}.
     */
    public Set<String> unreadKeys() {
        Set<String> unread = new LinkedHashSet<>();
        for (String key : node.propertyNames()) {
            TableConfig child = children.get(key);
            if (!read.contains(key)) {
                unread.add(key);
            } else if (child != null) {
                child.unreadKeys().forEach(k -> unread.add(key + "." + k));
            }
        }
        return Collections.unmodifiableSet(unread);
    }

    /** The keys a reader asked for, present or not: the ones this table knows. */
    public Set<String> readKeys() {
        return Collections.unmodifiableSet(read);
    }

    /** The full key path of one of this table's keys, such as {@code route[2].root}. */
    public String fullKey(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** The folder of httpd.toml, absolute. */
    Path folder() {
        return folder;
    }

    @Override
    public Optional<String> string(String key) {
        return Optional.ofNullable(typed(key, null, JsonNode::isString, "expected a string",
                JsonNode::stringValue));
    }

    @Override
    public long integer(String key, long defaultValue) {
        return typed(key, defaultValue, JsonNode::isIntegralNumber, "expected a whole number",
                value -> {
                    if (!value.canConvertToLong()) {
                        throw error(key, "too large: " + value.asString());
                    }
                    return value.longValue();
                });
    }

    @Override
    public boolean bool(String key, boolean defaultValue) {
        return typed(key, defaultValue, JsonNode::isBoolean, "expected true or false",
                JsonNode::booleanValue);
    }

    @Override
    public long size(String key, long defaultValue) {
        return typed(key, defaultValue, value -> value.isString() || value.isIntegralNumber(),
                "expected a size such as 16384 or \"16KiB\"", value -> Sizes.parseBytes(
                        value.isString() ? value.stringValue() : value.asString()));
    }

    @Override
    public Duration duration(String key, Duration defaultValue) {
        return typed(key, defaultValue, JsonNode::isString, "expected a duration such as \"10s\"",
                value -> Sizes.parseDuration(value.stringValue()));
    }

    /**
     * A key's value read as one type: the default when the key is absent, an error saying what
     * was expected when the value is of another type, and the message of an
     * IllegalArgumentException the reading throws as the key's error.
     */
    private <T> T typed(String key, T defaultValue, Predicate<JsonNode> is, String expected,
                        Function<JsonNode, T> reading) {
        JsonNode value = value(key);
        if (value == null) {
            return defaultValue;
        }
        if (!is.test(value)) {
            throw error(key, expected);
        }
        try {
            return reading.apply(value);
        } catch (IllegalArgumentException e) {
            throw error(key, e.getMessage());
        }
    }

    @Override
    public List<String> strings(String key, List<String> defaultValue) {
        JsonNode value = value(key);
        if (value == null) {
            return defaultValue;
        }
        if (value.isString()) {
            return List.of(value.stringValue());
        }
        if (!value.isArray()) {
            throw error(key, "expected a string or a list of strings");
        }
        List<String> strings = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isString()) {
                throw new ConfigException(fullKey(key) + "[" + i + "]", "expected a string");
            }
            strings.add(value.get(i).stringValue());
        }
        return List.copyOf(strings);
    }

    @Override
    public Optional<Path> path(String key) {
        Optional<String> value = string(key);
        if (value.isPresent() && value.get().isEmpty()) {
            throw error(key, "must not be empty");
        }
        try {
            return value.map(p -> folder.resolve(p).normalize());
        } catch (InvalidPathException e) {
            throw error(key, "not a valid path: " + e.getReason());
        }
    }

    @Override
    public Optional<PluginConfig> table(String key) {
        JsonNode value = value(key);
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(children.computeIfAbsent(key, k -> nested(k, value)));
    }

    /**
     * A nested table the caller checks itself (its unread keys are not this table's), or an
     * empty one when absent.
     */
    TableConfig section(String key) {
        JsonNode value = value(key);
        return value == null ? empty(fullKey(key), folder) : nested(key, value);
    }

    /** An array of tables ({@code [[key]]}), each at {@code key[N]}; empty when absent. */
    List<TableConfig> tables(String key) {
        JsonNode value = value(key);
        if (value == null) {
            return List.of();
        }
        if (!value.isArray()) {
            throw error(key, "expected an array of tables, written [[" + key + "]]");
        }
        List<TableConfig> tables = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            String itemPath = fullKey(key) + "[" + i + "]";
            if (!(value.get(i) instanceof ObjectNode item)) {
                throw new ConfigException(itemPath, "expected a table");
            }
            tables.add(new TableConfig(itemPath, item, folder));
        }
        return List.copyOf(tables);
    }

    /** A copy of this table without some keys, at the same path, with nothing read yet. */
    public TableConfig without(Set<String> keys) {
        ObjectNode rest = node.deepCopy();
        rest.remove(keys);
        return new TableConfig(path, rest, folder);
    }

    private TableConfig nested(String key, JsonNode value) {
        if (!(value instanceof ObjectNode table)) {
            throw error(key, "expected a table");
        }
        return new TableConfig(fullKey(key), table, folder);
    }

    private JsonNode value(String key) {
        read.add(key);
        return node.get(key);
    }

    @Override
    public String toString() {
        return "TableConfig[" + path + "]" + JsonText.of(node);
    }
}
