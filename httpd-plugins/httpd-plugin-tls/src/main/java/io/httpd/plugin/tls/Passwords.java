package io.httpd.plugin.tls;

import io.httpd.api.PluginConfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A password given inline ({@code "${ENV_NAME}"} reads the environment) or in a file of its
 * own (its first line), never both. The file is read again at each reload.
 *
 * @param value the inline value, or null
 * @param file  the file, or null
 */
record Passwords(String value, Path file) {
    static final Passwords NONE = new Passwords(null, null);

    /** Reads {@code KEY} and {@code KEY_file} from a table. */
    static Passwords read(PluginConfig config, String key) {
        String value = config.string(key).orElse(null);
        Path file = config.path(key + "_file").orElse(null);
        if (value != null && file != null) {
            throw config.error(key + "_file", "give " + key + " or " + key + "_file, not both");
        }
        return new Passwords(value, file);
    }

    /** The password, or null when none was configured. */
    char[] get() throws IOException {
        if (file != null) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return text.lines().findFirst().orElse("").toCharArray();
        }
        return value == null ? null : value.toCharArray();
    }

    /** This one, or the other when this one is not configured. */
    Passwords or(Passwords other) {
        return value == null && file == null ? other : this;
    }
}
