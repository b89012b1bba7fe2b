package io.httpd.core.http1;

import io.httpd.api.Response.Body.FileRegion;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * Files kept open between responses, as nginx's {@code open_file_cache}: a region whose
 * handler names the file's {@link FileRegion.Version} is sent from a file opened earlier for
 * the same path and an equal version, so that a hot file costs neither {@code open(2)} and
 * {@code close(2)} nor the JDK's set-up of a {@code FileChannel} per response (measured on
 * the 64 KiB benchmark: about 8 % of the server's CPU).
 *
 * <p>A file is kept only when a stat of its path right after opening finds the version the
 * handler named, so the open file is the one the handler found. An entry is closed once it is
 * replaced by another version, unused for {@link #IDLE_NANOS}, or dropped because the cache
 * is full (it then starts over empty, like the static plugin's metadata cache), and no
 * response still sends from it: each response holds a lease ({@link Open#close} returns it).
 * A file deleted on disk stays open until then, at most {@code IDLE_NANOS} after its last
 * response (one thread sweeps while anything is kept, once a second).
 *
 * <p>Sending from a shared file uses positional reads and transfers only, never the
 * channel's position. Safe for concurrent use.
 */
final class KeptFiles {
    /** The most files kept open at once. */
    static final int MAX_ENTRIES = 128;
    /** An entry unused this long is closed. */
    static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final long SWEEP_MILLIS = 1000;
    private static final Set<StandardOpenOption> READ = Set.of(StandardOpenOption.READ);
    /** The cache of the process: versions make it safe to share between servers. */
    static final KeptFiles SHARED = new KeptFiles(System::nanoTime, IDLE_NANOS, SWEEP_MILLIS);

    /**
     * An open file, lent to one response until {@link #close}. Kept ones are shared: the
     * channel closes when the cache and every lease let go of it.
     */
    static final class Open implements AutoCloseable {
        private final FileChannel channel;
        private final FileRegion.Version version;
        private final AtomicInteger holders; // leases, plus one while the cache keeps it
        private volatile long lastUsed;

        private Open(FileChannel channel, FileRegion.Version version) {
            this.channel = channel;
            this.version = version;
            this.holders = new AtomicInteger(1);
        }

        /** The file; read it only at explicit positions. */
        FileChannel channel() {
            return channel;
        }

        /** Returns this lease: the channel closes if nothing else holds it. */
        @Override
        public void close() {
            if (holders.decrementAndGet() == 0) {
                try {
                    channel.close();
                } catch (IOException e) {
                    // a read-only file: nothing was written that closing could lose
                }
            }
        }

        /** One more holder, unless the channel is already closed. */
        private boolean retain() {
            for (int n = holders.get(); n > 0; n = holders.get()) {
                if (holders.compareAndSet(n, n + 1)) {
                    return true;
                }
            }
            return false;
        }

        /** Whether the channel was closed (for tests). */
        boolean isClosed() {
            return !channel.isOpen();
        }
    }

    private final ConcurrentHashMap<Path, Open> kept = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;
    private final long idleNanos;
    private final long sweepMillis;
    private final AtomicBoolean sweeping = new AtomicBoolean();

    /**
     * @param nanoTime    a monotonic clock ({@code System::nanoTime})
     * @param idleNanos   an entry unused this long is closed
     * @param sweepMillis how often a thread looks for idle entries while any is kept; 0 for no
     *                    thread (only {@link #sweep} then closes them)
     */
    KeptFiles(LongSupplier nanoTime, long idleNanos, long sweepMillis) {
        this.nanoTime = nanoTime;
        this.idleNanos = idleNanos;
        this.sweepMillis = sweepMillis;
    }

    /**
     * The file of {@code file} at {@code version}, lent until the returned lease is closed:
     * a kept one when its version is equal, else opened now (and kept when its path still
     * shows that version). Without a version, opened for this lease only.
     */
    Open open(Path file, FileRegion.Version version) throws IOException {
        if (version == null) {
            return new Open(FileChannel.open(file, READ), null);
        }
        long now = nanoTime.getAsLong();
        Open open = kept.get(file);
        if (open != null && open.version.equals(version) && open.retain()) {
            open.lastUsed = now;
            return open;
        }
        open = new Open(FileChannel.open(file, READ), version);
        if (version.equals(versionOnDisk(file))) {
            keep(file, open, now);
        }
        return open;
    }

    private static FileRegion.Version versionOnDisk(Path file) {
        try {
            return FileRegion.Version.of(Files.readAttributes(file, BasicFileAttributes.class));
        } catch (IOException | SecurityException e) {
            return null; // not kept; this response reads the file it opened
        }
    }

    private void keep(Path file, Open open, long now) {
        if (kept.size() >= MAX_ENTRIES && !kept.containsKey(file)) {
            clear();
        }
        open.lastUsed = now;
        open.holders.incrementAndGet(); // the cache's hold
        Open old = kept.put(file, open);
        if (old != null) {
            old.close(); // the cache's hold on the version it replaces
        }
        if (sweepMillis > 0 && sweeping.compareAndSet(false, true)) {
            Thread.ofVirtual().name("kept-files").start(this::sweepWhileKept);
        }
    }

    private void sweepWhileKept() {
        try {
            while (true) {
                Thread.sleep(sweepMillis);
                sweep(nanoTime.getAsLong());
                if (kept.isEmpty()) {
                    sweeping.set(false);
                    // kept anew meanwhile, by a thread that saw this one still sweeping?
                    if (kept.isEmpty() || !sweeping.compareAndSet(false, true)) {
                        return;
                    }
                }
            }
        } catch (InterruptedException e) {
            sweeping.set(false);
        }
    }

    /** Drops the entries unused since {@code now - idleNanos}. */
    void sweep(long now) {
        drop(open -> now - open.lastUsed > idleNanos);
    }

    /** Drops every entry; files still being sent close when their responses end. */
    void clear() {
        drop(open -> true);
    }

    /** Drops the entries that {@code which} picks, returning the cache's hold on each. */
    private void drop(Predicate<Open> which) {
        for (Map.Entry<Path, Open> e : kept.entrySet()) {
            Open open = e.getValue();
            if (which.test(open) && kept.remove(e.getKey(), open)) {
                open.close();
            }
        }
    }

    /** How many files are kept now. */
    int size() {
        return kept.size();
    }
}
