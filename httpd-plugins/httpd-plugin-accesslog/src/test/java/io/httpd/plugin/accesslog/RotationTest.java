package io.httpd.plugin.accesslog;

import io.httpd.api.AccessLogSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import static io.httpd.plugin.accesslog.LogFiles.combined;
import static io.httpd.plugin.accesslog.LogFiles.numbers;
import static io.httpd.plugin.accesslog.LogFiles.range;
import static io.httpd.plugin.accesslog.Records.numbered;
import static io.httpd.plugin.accesslog.Records.withUserAgent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rotation by size and by day: access.log.1 newest, up to access.log.&lt;keep&gt;. */
class RotationTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    @TempDir
    Path folder;

    @Test
    void bySizeKeepsTheNewestFilesEachUnderTheLimit() throws Exception {
        Path log = folder.resolve("access.log");
        try (AccessLogSink sink = combined(log, "rotate_size", "1KiB", "keep", 3L)) {
            for (long n = 1; n <= 100; n++) {
                sink.log(numbered(n));
            }
        }
        List<Path> files = List.of(rotated(log, 3), rotated(log, 2), rotated(log, 1), log);
        for (Path file : files) {
            assertTrue(Files.size(file) <= 1024, file + " is " + Files.size(file) + " bytes");
            assertFalse(numbers(file).isEmpty(), file + " has lines");
        }
        assertFalse(Files.exists(rotated(log, 4)), "keep = 3");
        List<Long> kept = numbers(files);
        assertEquals(range(kept.getFirst(), 100), kept, "the newest lines, in order");
        for (int i = 0; i + 1 < files.size(); i++) {
            long nextLine = Files.readAllLines(files.get(i + 1)).getFirst().length() + 1;
            assertTrue(Files.size(files.get(i)) + nextLine > 1024, "rotated only when full");
        }
    }

    @Test
    void keepZeroDiscardsRotatedLines() throws Exception {
        Path log = folder.resolve("access.log");
        try (AccessLogSink sink = combined(log, "rotate_size", 1000L, "keep", 0L)) {
            for (long n = 1; n <= 20; n++) {
                sink.log(numbered(n));
            }
        }
        assertFalse(Files.exists(rotated(log, 1)));
        List<Long> live = numbers(log);
        assertEquals(range(live.getFirst(), 20), live);
        assertTrue(Files.size(log) <= 1000 && live.size() > 1, live.toString());
    }

    @Test
    void lineLargerThanTheLimitGetsAFileOfItsOwn() throws Exception {
        Path log = folder.resolve("access.log");
        try (AccessLogSink sink = combined(log, "rotate_size", 100L)) {
            sink.log(numbered(1));
            sink.log(withUserAgent(numbered(2), "x".repeat(100_000)));
            sink.log(numbered(3));
        }
        assertEquals(List.of(1L), numbers(rotated(log, 2)));
        assertTrue(Files.readString(rotated(log, 1)).contains("x".repeat(100_000) + "\"\n"));
        assertEquals(List.of(3L), numbers(log));
    }

    @Test
    void failedRotationCostsNoLine() throws Exception {
        Path log = folder.resolve("access.log");
        Path blocked = Files.createDirectory(rotated(log, 1));
        Files.createFile(blocked.resolve("in-the-way"));
        try (AccessLogSink sink = combined(log, "rotate_size", 1000L, "keep", 1L)) {
            for (long n = 1; n <= 20; n++) {
                sink.log(numbered(n));
            }
        }
        assertEquals(range(1, 20), numbers(log), "rotation waits; lines go on");
    }

    @Test
    void dailyAtTheFirstLineAfterLocalMidnight() throws Exception {
        Path log = folder.resolve("access.log");
        SettableClock clock = new SettableClock(at("2025-03-01T23:59:59"), ZONE);
        try (LogFileSink sink = combined(daily(log), clock)) {
            sink.log(numbered(1));
            clock.advance(Duration.ofMillis(999));
            sink.log(numbered(2));
            clock.advance(Duration.ofMillis(1));
            sink.log(numbered(3));
            clock.set(at("2025-03-02T23:00:00"));
            sink.log(numbered(4));
            clock.set(at("2025-03-04T08:00:00"));
            sink.log(numbered(5));
        }
        assertEquals(range(1, 2), numbers(rotated(log, 2)));
        assertEquals(range(3, 4), numbers(rotated(log, 1)));
        assertEquals(List.of(5L), numbers(log));
    }

    @Test
    void dailyLeavesAnEmptyFileAlone() throws Exception {
        Path log = folder.resolve("access.log");
        SettableClock clock = new SettableClock(at("2025-03-01T22:00:00"), ZONE);
        try (LogFileSink sink = combined(daily(log), clock)) {
            clock.set(at("2025-03-02T01:00:00"));
            sink.log(numbered(1));
        }
        assertFalse(Files.exists(rotated(log, 1)));
        assertEquals(List.of(1L), numbers(log));
    }

    @Test
    void dailyRotatesAtOnceAFileLastWrittenOnAnEarlierDay() throws Exception {
        Path log = folder.resolve("access.log");
        try (AccessLogSink sink = combined(log)) {
            sink.log(numbered(1));
        }
        Files.setLastModifiedTime(log, FileTime.from(at("2025-03-01T12:00:00")));
        SettableClock clock = new SettableClock(at("2025-03-02T09:00:00"), ZONE);
        try (LogFileSink sink = combined(daily(log), clock)) {
            sink.log(numbered(2));
        }
        assertEquals(List.of(1L), numbers(rotated(log, 1)));
        assertEquals(List.of(2L), numbers(log));
    }

    private static LogFileSettings daily(Path log) {
        return new LogFileSettings(log, 0, true, 7, Duration.ofSeconds(1));
    }

    private static Instant at(String localTime) {
        return LocalDateTime.parse(localTime).atZone(ZONE).toInstant();
    }

    private static Path rotated(Path log, int n) {
        return Rotation.numbered(log, n);
    }
}
