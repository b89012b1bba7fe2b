package io.httpd.plugin.staticfiles;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * File metadata ({@link FileStat}) kept for at most {@code metadata_ttl}, so that a hot file
 * costs no system call per request while a changed, added or removed file shows within that
 * bound. A TTL of zero keeps nothing. Bounded to {@value #MAX_ENTRIES} paths: when full, it
 * starts over empty, so requests for many distinct paths cannot grow it.
 *
 * <p>The bytes of a regular file of at most {@code memory_file_bytes} are read each time its
 * metadata is (re)validated and kept in the same entry, so that content and validators are
 * always of one moment and expire together. Entries hold at most {@code memory_total_bytes}
 * of content in all: to make room, other entries holding content are dropped, in no
 * particular order (their next request asks the file system again).
 *
 * <p>Safe for concurrent use; hits take no lock. Two threads may both ask the file system for
 * the same path; entries are replaced under a lock, which keeps the count of held bytes exact.
 */
final class MetadataCache {
    /** The most paths kept at once. */
    static final int MAX_ENTRIES = 4096;

    private record Entry(FileStat stat, long expires) {
    }

    private final Path realRoot;
    private final long ttlNanos;
    private final long fileBytes;
    private final long totalBytes;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<Path, Entry> entries = new ConcurrentHashMap<>();
    private long heldBytes; // guarded by this

    /** A cache of metadata only, no content. */
    MetadataCache(Path realRoot, Duration ttl, LongSupplier nanoTime) {
        this(realRoot, ttl, 0, 0, nanoTime);
    }

    /**
     * @param realRoot   the root's real path
     * @param ttl        how long an answer may be reused; zero for never (no content either)
     * @param fileBytes  files up to this size have their content kept; 0 for none
     * @param totalBytes the most content bytes kept in all; at least {@code fileBytes}
     * @param nanoTime   a monotonic clock in nanoseconds ({@code System::nanoTime})
     */
    MetadataCache(Path realRoot, Duration ttl, long fileBytes, long totalBytes,
                  LongSupplier nanoTime) {
        if (fileBytes > totalBytes) {
            throw new IllegalArgumentException("fileBytes over totalBytes");
        }
        this.realRoot = realRoot;
        this.ttlNanos = ttl.toNanos();
        this.fileBytes = fileBytes;
        this.totalBytes = totalBytes;
        this.nanoTime = nanoTime;
    }

    /** The metadata of a path under the root, at most the TTL old, with content when kept. */
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
        if (fresh.isFile() && fileBytes > 0 && fresh.size() <= fileBytes) {
            fresh = fresh.withContent();
        }
        store(path, new Entry(fresh, now + ttlNanos));
        return fresh;
    }

    private synchronized void store(Path path, Entry entry) {
        if (entries.size() >= MAX_ENTRIES && !entries.containsKey(path)) {
            clear();
        }
        Entry old = entries.put(path, entry);
        heldBytes += entry.stat().heldBytes() - (old == null ? 0 : old.stat().heldBytes());
        Iterator<Entry> others = entries.values().iterator();
        while (heldBytes > totalBytes && others.hasNext()) {
            Entry other = others.next();
            if (other != entry && other.stat().heldBytes() > 0) {
                others.remove();
                heldBytes -= other.stat().heldBytes();
            }
        }
    }

    /** Forgets one path, so that its next request asks the file system again. */
    synchronized void forget(Path path) {
        Entry old = entries.remove(path);
        if (old != null) {
            heldBytes -= old.stat().heldBytes();
        }
    }

    /** Forgets everything (on reload), content included. */
    synchronized void clear() {
        entries.clear();
        heldBytes = 0;
    }

    /** How many paths are kept now. */
    int size() {
        return entries.size();
    }

    /** How many content bytes are kept now. */
    synchronized long heldBytes() {
        return heldBytes;
    }
}
