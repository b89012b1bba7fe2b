package io.httpd.plugin.accesslog;

import io.httpd.testkit.Await;
import io.httpd.api.AccessLogSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static io.httpd.plugin.accesslog.LogFiles.combined;
import static io.httpd.plugin.accesslog.LogFiles.numbers;
import static io.httpd.plugin.accesslog.LogFiles.range;
import static io.httpd.plugin.accesslog.Records.numbered;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A file that stops being writable after start-up: each failing call throws (the server counts
 * a drop and logs once), and the sink writes again as soon as the file is writable. Tests run
 * as root, so a full disk is a symlink to /dev/full and an unwritable file a directory.
 */
class WriteFailureTest {
    @TempDir
    Path folder;

    @Test
    void fullDiskFailsFlushUntilTheFileIsWritableAgain() throws Exception {
        Path log = folder.resolve("access.log");
        Files.createSymbolicLink(log, Path.of("/dev/full"));
        try (AccessLogSink sink = combined(log)) {
            sink.log(numbered(1));
            sink.log(numbered(2));
            AccessLogSink.RecordsLost full = assertThrows(AccessLogSink.RecordsLost.class, sink::flush);
            assertTrue(full.getMessage().contains("No space left"), full.getMessage());
            assertEquals(2, full.records(), "the two buffered lines, counted as two drops");
            sink.log(numbered(2));
            assertEquals(1, assertThrows(AccessLogSink.RecordsLost.class, sink::flush).records());

            swapInRegularFile(log);
            sink.log(numbered(3));
            sink.flush();
            sink.log(numbered(4));
        }
        assertEquals(List.of(3L, 4L), numbers(log));
    }

    @Test
    void fullDiskFailsLogWhenEveryLineIsWrittenAtOnce() throws Exception {
        Path log = folder.resolve("access.log");
        Files.createSymbolicLink(log, Path.of("/dev/full"));
        try (AccessLogSink sink = combined(log, "flush_interval", "0s")) {
            assertThrows(IOException.class, () -> sink.log(numbered(1)));
            assertThrows(IOException.class, () -> sink.log(numbered(2)));
            assertThrows(IOException.class, sink::flush, "nothing written since the failure");
            swapInRegularFile(log);
            sink.log(numbered(3));
            sink.flush();
        }
        assertEquals(List.of(3L), numbers(log));
    }

    @Test
    @Timeout(60)
    void fullDiskUnderLoadRecoversWithNoGapAfterRecovery() throws Exception {
        Path log = folder.resolve("access.log");
        Files.createSymbolicLink(log, Path.of("/dev/full"));
        AccessLogSink sink = combined(log, "flush_interval", "10ms");
        AtomicLong logged = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        Thread writer = Thread.ofPlatform().start(() -> {
            for (long n = 1; !stop.get(); n++) {
                try {
                    sink.log(numbered(n));
                    if (n % 50 == 0) {
                        sink.flush();
                    }
                } catch (IOException e) {
                    failures.incrementAndGet();
                }
                logged.set(n);
            }
        });
        Await.until(() -> failures.get() >= 100, Duration.ofSeconds(30), "100 failed writes");
        swapInRegularFile(log);
        long swappedAt = logged.get();
        Await.until(() -> logged.get() > swappedAt + 20_000, Duration.ofSeconds(30),
                "20000 lines logged after the swap");
        stop.set(true);
        writer.join();
        sink.close();

        List<Long> written = numbers(log);
        long first = written.getFirst();
        assertTrue(first > swappedAt - 10_000 && first <= swappedAt + 100, "recovered at once");
        assertEquals(range(first, logged.get()), written, "every line after recovery, in order");
    }

    @Test
    void directoryInPlaceOfTheFileFailsUntilItIsGone() throws Exception {
        Path log = folder.resolve("access.log");
        Path moved = folder.resolve("access.log.old");
        try (AccessLogSink sink = combined(log)) {
            sink.log(numbered(1));
            Files.move(log, moved);
            Files.createDirectory(log);

            IOException reload = assertThrows(IOException.class, sink::reload);
            assertTrue(reload.getMessage().contains("Is a directory"), reload.getMessage());
            assertThrows(IOException.class, () -> sink.log(numbered(2)));
            assertThrows(IOException.class, sink::flush);

            Files.delete(log);
            sink.log(numbered(3));
            sink.flush();
        }
        assertEquals(List.of(1L), numbers(moved), "written to the old file before the reload");
        assertEquals(List.of(3L), numbers(log));
    }

    @Test
    void lineCutShortEarlierStaysALineOfItsOwn() throws Exception {
        Path log = folder.resolve("access.log");
        String cut = "192.0.2.7 - - [10/Oct/2000:13:55:36 -0700] \"GET /cu";
        Files.writeString(log, cut);
        try (AccessLogSink sink = combined(log)) {
            sink.log(numbered(1));
        }
        List<String> lines = Files.readAllLines(log);
        assertEquals(2, lines.size());
        assertEquals(cut, lines.get(0));
        assertTrue(lines.get(1).contains("GET /n/1 "), lines.get(1));
    }

    /** Atomically replaces what is at {@code log} (a symlink) with an empty regular file. */
    private void swapInRegularFile(Path log) throws IOException {
        Path fresh = Files.createFile(folder.resolve("fresh.tmp"));
        Files.move(fresh, log, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
