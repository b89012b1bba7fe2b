package io.httpd.plugin.staticfiles;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * File metadata ({@link FileStat}) kept for at most {@code metadata_ttl}, so that a hot file
 * costs no system call per request while a changed, added or removed file shows within that
 * bound. A TTL of zero keeps nothing. Bounded to {@value #MAX_ENTRIES} paths: when full, it
 * starts over empty, so requests for many distinct paths cannot grow it.
 *
 * <p>Safe for concurrent use; two threads may both ask the file system for the same path.
 */
final class MetadataCache {
    /** The most paths kept at once. */
    static final int MAX_ENTRIES = 4096;

    private record Entry(FileStat stat, long expires) {
    }

    private final Path realRoot;
    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<Path, Entry> entries = new ConcurrentHashMap<>();

    /**
     * @param realRoot the root's real path
     * @param ttl      how long an answer may be reused; zero for never
     * @param nanoTime a monotonic clock in nanoseconds ({@code System::nanoTime})
     */
    MetadataCache(Path realRoot, Duration ttl, LongSupplier nanoTime) {
        this.realRoot = realRoot;
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
    }

    /** The metadata of a path under the root, at most the TTL old. */
    FileStat stat(Path path) {
        if (ttlNanos <= 0) {
            return FileStat.of(realRoot, path);
        }
        long now = nanoTime.getAsLong();
        Entry entry = entries.get(path);
        if (entry != null && now - entry.expires() < 0) {
            return entry.stat();
        }
        FileStat fresh = FileStat.of(realRoot, path);
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(path, new Entry(fresh, now + ttlNanos));
        return fresh;
    }

    /** Forgets everything (on reload). */
    void clear() {
        entries.clear();
    }

    /** How many paths are kept now. */
    int size() {
        return entries.size();
    }
}
