package io.httpd.testkit;

import io.httpd.core.config.ConfigErrors;
import io.httpd.core.config.ConfigLoader;
import io.httpd.core.config.HttpdConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A test's TOML inside a whole httpd.toml in a temporary folder, read by the server's own
 * {@link ConfigLoader}: {@code prefix} lines, then the test's text, then {@code suffix}. The
 * server's errors come back with lines counted within the test's text.
 */
final class ConfigFile {
    private final Path folder;
    private final Path file;
    private final int offset;

    private ConfigFile(Path folder, Path file, int offset) {
        this.folder = folder;
        this.file = file;
        this.offset = offset;
    }

    static ConfigFile write(String prefix, String toml, String suffix) {
        try {
            Path folder = Files.createTempDirectory("httpd-testkit");
            Path file = folder.resolve("httpd.toml");
            String text = prefix + (toml.endsWith("\n") || toml.isEmpty() ? toml : toml + "\n")
                    + suffix;
            Files.writeString(file, text);
            return new ConfigFile(folder, file, (int) prefix.lines().count());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the file as the server does; every problem becomes a {@link ConfigRefused}. */
    HttpdConfig load() {
        try {
            return ConfigLoader.load(file);
        } catch (ConfigErrors e) {
            throw refused(e);
        }
    }

    ConfigRefused refused(ConfigErrors e) {
        return new ConfigRefused(e.errors().stream().map(err -> new ConfigRefused.Problem(
                err.line() > offset ? err.line() - offset : 0, err.key(), err.reason()))
                .toList());
    }

    /** Removes the temporary folder. */
    void delete() {
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind harms nothing
        }
    }

    /** A TOML basic string. */
    static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
