package io.httpd.core.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A table of httpd.toml that configures one plugin instance: a {@code [[validator]]} (the
 * provider named by {@code id}), an {@code [[access_log]]} ({@code sink}) or a
 * {@code [tls.NAME]} ({@code provider}).
 *
 * @param id     the provider id
 * @param config the table's other keys: the plugin's own config
 */
public record PluginTable(String id, TableConfig config) {

    public PluginTable {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(config, "config");
    }

    /** Reads an array of tables, such as {@code [[validator]]}, each naming its provider. */
    static List<PluginTable> readAll(List<TableConfig> tables, String idKey, ErrorList errors) {
        List<PluginTable> plugins = new ArrayList<>();
        for (TableConfig table : tables) {
            PluginTable plugin = errors.read(() -> read(table, idKey), null);
            if (plugin != null) {
                plugins.add(plugin);
            }
        }
        return List.copyOf(plugins);
    }

    /** Reads {@code [tls.NAME]} tables, by name in file order, each naming its provider. */
    static Map<String, PluginTable> readTls(TableConfig tls, ErrorList errors) {
        Map<String, PluginTable> tables = new LinkedHashMap<>();
        for (String name : tls.keys()) {
            PluginTable plugin = errors.read(() -> read(tls.section(name), "provider"), null);
            if (plugin != null) {
                tables.put(name, plugin);
            }
        }
        return Collections.unmodifiableMap(tables);
    }

    private static PluginTable read(TableConfig table, String idKey) {
        String id = table.requireString(idKey);
        if (id.isBlank()) {
            throw table.error(idKey, "must not be empty");
        }
        return new PluginTable(id, table.without(Set.of(idKey)));
    }
}
