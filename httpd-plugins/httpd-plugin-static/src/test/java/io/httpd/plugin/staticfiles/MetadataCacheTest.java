package io.httpd.plugin.staticfiles;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Metadata, and the content of small files with it, is reused for at most the TTL, never
 * longer; a TTL of zero reuses nothing; held content stays under its total.
 */
class MetadataCacheTest {
    private static final long SECOND = 1_000_000_000L;

    @TempDir
    Path folder;
    Path root;
    final AtomicLong clock = new AtomicLong(42 * SECOND);

    @BeforeEach
    void site() throws IOException {
        root = folder.toRealPath();
        Files.writeString(root.resolve("page.html"), "12345");
    }

    @Test
    void servesMetadataUpToTheTtlThenLooksAgain() throws IOException {
        MetadataCache cache = new MetadataCache(root, Duration.ofSeconds(1), clock::get);
        Path page = root.resolve("page.html");
        assertEquals(5, cache.stat(page).size());

        Files.writeString(page, "1234567890");
        clock.addAndGet(SECOND - 1);
        assertEquals(5, cache.stat(page).size(), "within the TTL: the old answer");
        clock.addAndGet(1);
        assertEquals(10, cache.stat(page).size(), "at the TTL: asked again");
    }

    @Test
    void seesNewAndRemovedFilesWithinTheTtl() throws IOException {
        MetadataCache cache = new MetadataCache(root, Duration.ofMillis(500), clock::get);
        Path added = root.resolve("new.html");
        assertEquals(FileStat.Kind.MISSING, cache.stat(added).kind());
        Files.writeString(added, "x");
        clock.addAndGet(SECOND / 2);
        assertEquals(FileStat.Kind.FILE, cache.stat(added).kind());

        Files.delete(added);
        clock.addAndGet(SECOND / 2);
        assertEquals(FileStat.Kind.MISSING, cache.stat(added).kind());
    }

    @Test
    void zeroTtlKeepsNothing() throws IOException {
        MetadataCache cache = new MetadataCache(root, Duration.ZERO, clock::get);
        Path page = root.resolve("page.html");
        assertEquals(5, cache.stat(page).size());
        Files.writeString(page, "123");
        assertEquals(3, cache.stat(page).size());
        assertEquals(0, cache.size());
    }

    @Test
    void staysBoundedWhateverThePaths() {
        MetadataCache cache = new MetadataCache(root, Duration.ofHours(1), clock::get);
        for (int i = 0; i < MetadataCache.MAX_ENTRIES * 3; i++) {
            cache.stat(root.resolve("missing-" + i));
            assertTrue(cache.size() <= MetadataCache.MAX_ENTRIES);
        }
    }

    @Test
    void clearForgetsAtOnce() throws IOException {
        MetadataCache cache = new MetadataCache(root, Duration.ofHours(1), clock::get);
        Path page = root.resolve("page.html");
        cache.stat(page);
        Files.writeString(page, "1");
        cache.clear();
        assertEquals(1, cache.stat(page).size());
    }

    @Test
    void holdsSmallFilesContentWithTheirMetadata() throws IOException {
        MetadataCache cache = new MetadataCache(root, Duration.ofSeconds(1), 5, 100, clock::get);
        Path page = root.resolve("page.html");
        FileStat stat = cache.stat(page);
        assertArrayEquals("12345".getBytes(StandardCharsets.UTF_8), stat.content());
        assertEquals(5, cache.heldBytes());

        Files.writeString(page, "123456");
        assertSame(stat, cache.stat(page), "within the TTL: the same bytes and metadata");
        clock.addAndGet(SECOND);
        FileStat larger = cache.stat(page);
        assertEquals(6, larger.size());
        assertNull(larger.content(), "over memory_file_bytes: not held");
        assertEquals(0, cache.heldBytes());
    }

    @Test
    void holdsNothingWithAZeroTtlOrSize() throws IOException {
        Path page = root.resolve("page.html");
        assertNull(new MetadataCache(root, Duration.ZERO, 100, 100, clock::get).stat(page)
                .content());
        assertNull(new MetadataCache(root, Duration.ofHours(1), 0, 100, clock::get).stat(page)
                .content());
        assertNull(new MetadataCache(root, Duration.ofHours(1), clock::get).stat(page)
                .content());
    }

    @Test
    void contentNeverExceedsTheTotal() throws IOException {
        MetadataCache cache = new MetadataCache(root, Duration.ofHours(1), 40, 100, clock::get);
        for (int i = 0; i < 20; i++) {
            Path file = Files.writeString(root.resolve(i + ".txt"), "x".repeat(30 + i % 11));
            FileStat stat = cache.stat(file);
            assertEquals(stat.size(), stat.content().length, "the newest is always held");
            assertTrue(cache.heldBytes() <= 100, "held " + cache.heldBytes());
        }
        assertTrue(cache.size() < 20, "others were dropped to make room");
        cache.clear();
        assertEquals(0, cache.heldBytes());
        assertEquals(0, cache.size());
    }

    /** A file written between the stat and the read is not held: bytes and stat would differ. */
    @Test
    void contentThatNoLongerMatchesTheStatIsNotHeld() throws IOException {
        Path page = root.resolve("page.html");
        FileStat stat = FileStat.of(root, page);
        Files.writeString(page, "1234567");
        assertNull(stat.withContent().content());
        Files.writeString(page, "abcde");
        Files.setLastModifiedTime(page, FileTime.from(stat.mtimeNanos() + 1_000_000,
                TimeUnit.NANOSECONDS));
        assertNull(stat.withContent().content(), "same size, another mtime");
        Files.setLastModifiedTime(page, FileTime.from(stat.mtimeNanos(), TimeUnit.NANOSECONDS));
        assertArrayEquals("abcde".getBytes(StandardCharsets.UTF_8), stat.withContent().content());
    }
}
