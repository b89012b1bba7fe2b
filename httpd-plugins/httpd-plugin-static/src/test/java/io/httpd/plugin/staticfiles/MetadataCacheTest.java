package io.httpd.plugin.staticfiles;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Metadata is reused for at most the TTL, never longer; a TTL of zero reuses nothing. */
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
}
