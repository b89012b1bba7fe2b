package io.httpd.plugin.accesslog;

import io.httpd.api.AccessLogSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static io.httpd.plugin.accesslog.LogFiles.combined;
import static io.httpd.plugin.accesslog.LogFiles.numbers;
import static io.httpd.plugin.accesslog.LogFiles.range;
import static io.httpd.plugin.accesslog.Records.numbered;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How long a line may wait in the buffer: until flush() (the server calls it whenever its queue
 * runs empty), a full buffer, or flush_interval since the oldest buffered line when the next
 * line comes.
 */
class FlushIntervalTest {
    @TempDir
    Path folder;
    final SettableClock clock = new SettableClock(Instant.parse("2025-01-01T00:00:00Z"),
            ZoneOffset.UTC);

    @Test
    void lineWaitsAtMostTheIntervalWhileLinesKeepComing() throws Exception {
        Path log = folder.resolve("access.log");
        try (LogFileSink sink = sink(log, Duration.ofSeconds(1))) {
            sink.log(numbered(1));
            clock.advance(Duration.ofMillis(999));
            sink.log(numbered(2));
            assertEquals(List.of(), numbers(log), "buffered");
            clock.advance(Duration.ofMillis(1));
            sink.log(numbered(3));
            assertEquals(range(1, 3), numbers(log), "the oldest waited 1s");
            sink.log(numbered(4));
            assertEquals(range(1, 3), numbers(log));
            sink.flush();
            assertEquals(range(1, 4), numbers(log));
        }
    }

    @Test
    void clockGoingBackWritesAtOnce() throws Exception {
        Path log = folder.resolve("access.log");
        try (LogFileSink sink = sink(log, Duration.ofSeconds(1))) {
            sink.log(numbered(1));
            clock.advance(Duration.ofHours(-1));
            sink.log(numbered(2));
            assertEquals(range(1, 2), numbers(log));
        }
    }

    @Test
    void zeroIntervalWritesEachLineAtOnce() throws Exception {
        Path log = folder.resolve("access.log");
        try (AccessLogSink sink = combined(log, "flush_interval", "0s")) {
            for (long n = 1; n <= 3; n++) {
                sink.log(numbered(n));
                assertEquals(range(1, n), numbers(log));
            }
        }
    }

    @Test
    void fullBufferIsWrittenWithoutWaiting() throws Exception {
        Path log = folder.resolve("access.log");
        try (AccessLogSink sink = combined(log, "flush_interval", "1h")) {
            long n = 0;
            while (Files.size(log) == 0) {
                sink.log(numbered(++n));
            }
            assertTrue(n * 130 > LogFile.BUFFER_BYTES, "after " + n + " lines");
            assertTrue(Files.size(log) <= LogFile.BUFFER_BYTES);
        }
    }

    @Test
    void steadyLoadWithoutFlushReachesTheFileWithinTheInterval() throws Exception {
        Path log = folder.resolve("access.log");
        try (LogFileSink sink = sink(log, Duration.ofMillis(100))) {
            for (long n = 1; n <= 2_000; n++) {
                sink.log(numbered(n)); // one line a millisecond, never flush()
                if (n % 10 == 0) {
                    long lastWritten = lastWholeLine(log);
                    assertTrue(lastWritten >= n - 100, "lines logged 100ms ago are in the file: "
                            + n + " logged, " + lastWritten + " written");
                }
                clock.advance(Duration.ofMillis(1));
            }
        }
        assertEquals(range(1, 2_000), numbers(log), "close writes the rest");
    }

    /** The number of the last whole line, read while the writer may be writing; 0 if none. */
    private static long lastWholeLine(Path log) throws Exception {
        String text = Files.readString(log);
        List<String> lines = text.substring(0, text.lastIndexOf('\n') + 1).lines().toList();
        if (lines.isEmpty()) {
            return 0;
        }
        String last = lines.getLast();
        int start = last.indexOf("/n/") + 3;
        return Long.parseLong(last.substring(start, last.indexOf(' ', start)));
    }

    /** A combined-format sink on this test's clock. */
    private LogFileSink sink(Path log, Duration flushInterval) throws IOException {
        return combined(new LogFileSettings(log, 0, false, 7, flushInterval), clock);
    }
}
