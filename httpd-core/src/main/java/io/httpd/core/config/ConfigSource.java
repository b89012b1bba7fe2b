package io.httpd.core.config;

import io.httpd.api.ConfigException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The text of a configuration file, and where its keys are. {@link #lineOf} finds the line of a
 * key path such as {@code limits.header_bytes}, {@code route[2].root} or {@code tls.main.cert}
 * by scanning the lines once, tracking the current {@code [table]} and the index of each
 * {@code [[array]]}. A key that is not written in the file is placed at its nearest written
 * parent ({@code listen[0].address} at its {@code [[listen]]} header). Best effort: a line
 * inside a multi-line string or array is never taken for a key.
 */
public final class ConfigSource {
    private final Path file;
    private final String text;
    private final int lineCount;
    private final Map<String, Integer> lines = new HashMap<>();
    private final Map<String, Integer> arrayCounts = new HashMap<>();

    /**
     * @param file the file, as it was given (errors print it this way)
     * @param text its whole text
     */
    public ConfigSource(Path file, String text) {
        this.file = Objects.requireNonNull(file, "file");
        this.text = Objects.requireNonNull(text, "text");
        String[] all = text.split("\\R", -1);
        this.lineCount = text.isEmpty() ? 0 : all.length - (text.endsWith("\n") ? 1 : 0);
        index(all);
    }

    /** The file, as it was given. */
    public Path file() {
        return file;
    }

    /** The whole text. */
    public String text() {
        return text;
    }

    /** The number of lines; a final line break does not start another. */
    public int lineCount() {
        return lineCount;
    }

    /**
     * The 1-based line of a key path, or of its nearest written parent; 0 when none is found.
     */
    public int lineOf(String keyPath) {
        for (String path = keyPath; !path.isEmpty(); path = parent(path)) {
            Integer line = lines.get(path);
            if (line != null) {
                return line;
            }
        }
        return 0;
    }

    /** An error about a key, with its line looked up. */
    public ConfigError error(String keyPath, String reason) {
        return new ConfigError(file, lineOf(keyPath), keyPath, reason);
    }

    /** The error a plugin threw, with its line looked up. */
    public ConfigError error(ConfigException e) {
        return error(e.key(), e.reason());
    }

    private static String parent(String path) {
        int cut = path.endsWith("]") ? path.lastIndexOf('[') : path.lastIndexOf('.');
        return cut < 0 ? "" : path.substring(0, cut);
    }

    private void index(String[] all) {
        String table = "";
        int depth = 0;
        String closing = null;
        for (int n = 1; n <= all.length; n++) {
            String line = all[n - 1].strip();
            if (closing != null) {
                closing = line.contains(closing) ? null : closing;
            } else if (depth > 0) {
                depth += TomlLine.bracketBalance(line);
            } else if (line.startsWith("[")) {
                table = header(line, n, table);
            } else {
                int eq = TomlLine.keyEnd(line);
                if (eq > 0) {
                    String value = line.substring(eq + 1).strip();
                    String key = String.join(".", TomlLine.segments(line.substring(0, eq)));
                    record(join(table, key), n);
                    depth = TomlLine.bracketBalance(value);
                    closing = TomlLine.openMultilineString(value);
                }
            }
        }
    }

    /** Records a {@code [table]} or {@code [[array]]} header; returns the new current table. */
    private String header(String line, int n, String current) {
        boolean array = line.startsWith("[[");
        int close = line.indexOf(array ? "]]" : "]");
        if (close < 0) {
            return current;
        }
        List<String> segments = TomlLine.segments(line.substring(array ? 2 : 1, close));
        StringBuilder path = new StringBuilder();
        List<String> prefixes = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            path.append(i == 0 ? "" : ".").append(segments.get(i));
            String name = path.toString();
            if (array && i == segments.size() - 1) {
                prefixes.add(name);
                arrayCounts.merge(name, 1, Integer::sum);
            }
            Integer count = arrayCounts.get(name);
            if (count != null) {
                path.append('[').append(count - 1).append(']');
            }
            prefixes.add(path.toString());
        }
        prefixes.forEach(p -> lines.putIfAbsent(p, n));
        return path.toString();
    }

    private void record(String keyPath, int n) {
        for (String path = keyPath; !path.isEmpty(); path = parent(path)) {
            lines.putIfAbsent(path, n);
        }
    }

    private static String join(String table, String key) {
        return table.isEmpty() ? key : table + "." + key;
    }
}
