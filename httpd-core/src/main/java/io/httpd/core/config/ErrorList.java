package io.httpd.core.config;

import io.httpd.api.ConfigException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The errors found while binding one file, at most one per key: a value that is already wrong
 * (say, an unset environment variable) is not reported again by the check after it.
 */
final class ErrorList {
    private final ConfigSource source;
    private final List<ConfigError> errors = new ArrayList<>();
    private final Set<String> keys = new HashSet<>();

    ErrorList(ConfigSource source) {
        this.source = source;
    }

    void add(String key, String reason) {
        if (keys.add(key)) {
            errors.add(source.error(key, reason));
        }
    }

    void add(ConfigException e) {
        add(e.key(), e.reason());
    }

    /** Runs one read; on a {@link ConfigException} records it and returns the fallback. */
    <T> T read(Supplier<T> read, T fallback) {
        try {
            return read.get();
        } catch (ConfigException e) {
            add(e);
            return fallback;
        }
    }

    /** Reports every key of a core table that its reader did not read. */
    void addUnknownKeys(TableConfig table) {
        for (String key : table.unreadKeys()) {
            add(table.fullKey(key), Suggestion.unknownKey(key, table.readKeys()));
        }
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    /** The errors by line (stable), those without a line last. */
    List<ConfigError> sorted() {
        return errors.isEmpty() ? List.of() : ConfigErrors.inFileOrder(errors).errors();
    }
}
