package io.httpd.core.config;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.httpd.testkit.Java25Bridge;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Coverage-guided fuzzing of the TOML config loader, {@link ConfigLoader}, with any bytes as
 * httpd.toml. Invariants: it returns a config or throws {@link ConfigErrors} with at least one
 * error whose text is not empty; no other exception escapes (a Jackson or runtime exception
 * would be a crash of {@code bin/httpd -t}).
 */
@ExtendWith(Java25Bridge.class)
class ConfigLoaderFuzzTest {
    private static final Path DIR = tempDir();

    @FuzzTest(maxDuration = "2m")
    void load(byte[] toml) throws IOException {
        Path file = DIR.resolve("httpd.toml");
        Files.write(file, toml);
        try {
            assertNotNull(ConfigLoader.load(file, Map.of("HTTPD_FUZZ", "x")));
        } catch (ConfigErrors e) {
            assertFalse(e.errors().isEmpty(), "ConfigErrors without an error");
            e.errors().forEach(error -> assertFalse(error.toString().isBlank()));
        }
    }

    @AfterAll
    static void removeDir() throws IOException {
        Files.deleteIfExists(DIR.resolve("httpd.toml"));
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("httpd-fuzz");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
