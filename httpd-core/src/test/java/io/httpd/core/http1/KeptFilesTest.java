package io.httpd.core.http1;

import io.httpd.api.Response.Body.FileRegion.Version;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Files kept open between responses, on real files: reused, replaced, swept, bounded. */
class KeptFilesTest {
    @TempDir
    Path dir;

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final KeptFiles files = new KeptFiles(clock::get, KeptFiles.IDLE_NANOS, 0);

    private static Version version(Path file) throws IOException {
        return Version.of(Files.readAttributes(file, BasicFileAttributes.class));
    }

    private static String read(KeptFiles.Open open) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate((int) open.channel().size());
        open.channel().read(bytes, 0);
        return new String(bytes.array(), StandardCharsets.US_ASCII);
    }

    @Test
    void theSameVersionIsSentFromTheFileKeptOpen() throws IOException {
        Path file = Files.writeString(dir.resolve("a.txt"), "one");
        KeptFiles.Open first = files.open(file, version(file));
        first.close();
        KeptFiles.Open second = files.open(file, version(file));
        assertSame(first, second);
        assertFalse(second.isClosed(), "kept open by the cache after its lease ended");
        assertEquals("one", read(second));
        second.close();
        assertEquals(1, files.size());
    }

    @Test
    void withoutAVersionTheFileIsOpenedForOneResponse() throws IOException {
        Path file = Files.writeString(dir.resolve("a.txt"), "one");
        KeptFiles.Open open = files.open(file, null);
        assertEquals("one", read(open));
        open.close();
        assertTrue(open.isClosed());
        assertEquals(0, files.size());
    }

    @Test
    void aFilePutInItsPlaceWithTheSameSizeAndTimeIsAnotherVersion() throws IOException {
        Path file = Files.writeString(dir.resolve("a.txt"), "old");
        KeptFiles.Open old = files.open(file, version(file));
        Path next = Files.writeString(dir.resolve("b.txt"), "new");
        Files.setLastModifiedTime(next, Files.getLastModifiedTime(file));
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        KeptFiles.Open fresh = files.open(file, version(file));
        assertNotSame(old, fresh);
        assertEquals("new", read(fresh));
        assertFalse(old.isClosed(), "a response still sending the old file keeps it");
        assertEquals("old", read(old));
        old.close();
        assertTrue(old.isClosed(), "replaced and no longer sent: closed");
        fresh.close();
        assertFalse(fresh.isClosed());
        assertEquals(1, files.size());
    }

    @Test
    void aFileWrittenInPlaceIsAnotherVersion() throws IOException {
        Path file = Files.writeString(dir.resolve("a.txt"), "one");
        Version first = version(file);
        files.open(file, first).close();
        Files.writeString(file, "two");
        Files.setLastModifiedTime(file, FileTime.fromMillis(
                Files.getLastModifiedTime(file).toMillis() + 5000));
        try (KeptFiles.Open open = files.open(file, version(file))) {
            assertEquals("two", read(open));
        }
    }

    @Test
    void aVersionTheDiskNoLongerShowsIsSentButNotKept() throws IOException {
        Path file = Files.writeString(dir.resolve("a.txt"), "one");
        Version stale = version(file);
        Files.writeString(file, "three");
        KeptFiles.Open open = files.open(file, stale);
        assertEquals(0, files.size());
        open.close();
        assertTrue(open.isClosed());
    }

    @Test
    void idleFilesAreClosedAfterTheirTimeButNotWhileSent() throws IOException {
        Path a = Files.writeString(dir.resolve("a.txt"), "a");
        Path b = Files.writeString(dir.resolve("b.txt"), "b");
        KeptFiles.Open idle = files.open(a, version(a));
        idle.close();
        KeptFiles.Open sending = files.open(b, version(b));

        files.sweep(clock.get() + KeptFiles.IDLE_NANOS);
        assertEquals(2, files.size(), "not idle longer than IDLE_NANOS yet");
        files.sweep(clock.get() + KeptFiles.IDLE_NANOS + 1);
        assertEquals(0, files.size());
        assertTrue(idle.isClosed());
        assertFalse(sending.isClosed(), "still lent to a response");
        assertEquals("b", read(sending));
        sending.close();
        assertTrue(sending.isClosed());
    }

    /** The sweeping thread, as SHARED runs it (with times made short): it stops and restarts. */
    @Test
    void theSweeperClosesIdleFilesAndStartsAgainWhenFilesAreKeptAgain() throws Exception {
        KeptFiles swept = new KeptFiles(System::nanoTime, TimeUnit.MILLISECONDS.toNanos(50), 20);
        for (String name : new String[] {"a.txt", "b.txt"}) { // b after the sweeper stopped
            Path file = Files.writeString(dir.resolve(name), name);
            KeptFiles.Open open = swept.open(file, version(file));
            open.close();
            assertEquals(1, swept.size());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!open.isClosed() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertTrue(open.isClosed(), "closed by the sweeper after 50 ms unused");
            assertEquals(0, swept.size());
            Thread.sleep(100); // the sweeper sees nothing kept and ends
        }
    }

    @Test
    void aFileUsedAgainIsNotIdle() throws IOException {
        Path a = Files.writeString(dir.resolve("a.txt"), "a");
        files.open(a, version(a)).close();
        clock.addAndGet(KeptFiles.IDLE_NANOS);
        files.open(a, version(a)).close();
        files.sweep(clock.get() + 1);
        assertEquals(1, files.size());
    }

    @Test
    void aFullCacheStartsOverAndClosesWhatItDropped() throws IOException {
        List<KeptFiles.Open> kept = new ArrayList<>();
        for (int i = 0; i < KeptFiles.MAX_ENTRIES; i++) {
            Path file = Files.writeString(dir.resolve(i + ".txt"), "x");
            KeptFiles.Open open = files.open(file, version(file));
            open.close();
            kept.add(open);
        }
        assertEquals(KeptFiles.MAX_ENTRIES, files.size());
        Path one = Files.writeString(dir.resolve("one-more.txt"), "y");
        files.open(one, version(one)).close();
        assertEquals(1, files.size());
        assertTrue(kept.stream().allMatch(KeptFiles.Open::isClosed));
    }
}
