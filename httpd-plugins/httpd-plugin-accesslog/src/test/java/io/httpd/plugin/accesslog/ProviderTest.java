package io.httpd.plugin.accesslog;

import io.httpd.testkit.FoundProviders;
import io.httpd.testkit.TestTable;
import io.httpd.api.AccessLogSink;
import io.httpd.api.AccessLogSinkProvider;
import io.httpd.api.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The providers: found by ServiceLoader, every key read, bad values named by key. */
class ProviderTest {
    @TempDir
    Path folder;

    @Test
    void serviceLoaderFindsFileAndJsonSinks() {
        assertEquals(List.of("file", "json"), FoundProviders.ids(ProviderTest.class,
                "io.httpd.plugin.accesslog", AccessLogSinkProvider.class));
    }

    @Test
    void defaultsAreCombinedNoRotationKeepSevenFlushEverySecond() throws Exception {
        TestTable config = TestTable.of("access_log[0]", folder, "path", "access.log");
        LogFileSettings settings = LogFileSettings.read(config);
        assertEquals(new LogFileSettings(folder.resolve("access.log"), 0, false, 7,
                Duration.ofSeconds(1)), settings);
        try (AccessLogSink sink = new FileSinkProvider().create(
                TestTable.of("access_log[0]", folder, "path", "access.log"), null)) {
            sink.log(Records.get("/"));
        }
        assertTrue(Files.readString(folder.resolve("access.log")).endsWith("\"curl/8.5.0\"\n"),
                "combined by default");
    }

    @Test
    void fileSinkReadsEveryKeyItTakes() throws Exception {
        TestTable config = TestTable.of("access_log[0]", folder, "path", "logs.log", "format", "common",
                "rotate_size", "10MiB", "rotate_daily", true, "keep", 3L,
                "flush_interval", "250ms");
        try (AccessLogSink sink = new FileSinkProvider().create(config, null)) {
            LogFileSink fileSink = assertInstanceOf(LogFileSink.class, sink);
            assertEquals(folder.resolve("logs.log"), fileSink.file().path());
        }
        assertEquals(Set.of(), config.unreadKeys());
        assertEquals(new LogFileSettings(folder.resolve("logs.log"), 10L << 20, true, 3,
                Duration.ofMillis(250)), LogFileSettings.read(config));
    }

    @Test
    void jsonSinkTakesNoFormat() throws Exception {
        TestTable config = TestTable.of("access_log[0]", folder, "path", "access.jsonl", "format", "common");
        new JsonSinkProvider().create(config, null).close();
        assertEquals(Set.of("format"), config.unreadKeys(), "reported as unknown by the server");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "format         | 'clf'  | must be \"common\" or \"combined\", not \"clf\"",
        "rotate_size    | '0'    | must be more than 0 bytes",
        "keep           | -1     | must be 0 to 1000",
        "keep           | 1001   | must be 0 to 1000",
        "flush_interval | '-1s'  | 'must not be negative: \"-1s\"'",
    })
    void badValueIsAnErrorOnItsKey(String key, String value, String reason) {
        Object typed = key.equals("keep") ? (Object) Long.parseLong(value) : value;
        TestTable config = TestTable.of("access_log[0]", folder, "path", "access.log", key, typed);
        ConfigException e = assertThrows(ConfigException.class,
                () -> new FileSinkProvider().create(config, null));
        assertEquals("access_log[0]." + key, e.key());
        assertEquals(reason, e.reason());
        assertTrue(Files.notExists(folder.resolve("access.log")), "checked before opening");
    }

    @Test
    void pathIsRequired() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> new JsonSinkProvider().create(TestTable.of("access_log[0]", folder), null));
        assertEquals("access_log[0].path", e.key());
        assertEquals("required", e.reason());
    }

    @Test
    void directoryInPlaceOfTheFileIsAnErrorNamingThePath() throws Exception {
        Path log = Files.createDirectory(folder.resolve("access.log"));
        for (AccessLogSinkProvider provider : List.of(new FileSinkProvider(),
                new JsonSinkProvider())) {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> provider.create(TestTable.of("access_log[0]", folder, "path", "access.log"), null));
            assertEquals("access_log[0].path", e.key());
            assertEquals("cannot open " + log + ": Is a directory", e.reason());
        }
    }

    @Test
    void missingFolderIsAnErrorNamingThePath() {
        Path log = folder.resolve("no-such-folder/access.log");
        ConfigException e = assertThrows(ConfigException.class, () -> new FileSinkProvider()
                .create(TestTable.of("access_log[0]", folder, "path", "no-such-folder/access.log"), null));
        assertEquals("access_log[0].path", e.key());
        assertEquals("cannot open " + log + ": no such file or directory", e.reason());
    }
}
