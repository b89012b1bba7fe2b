package io.httpd.plugin.tls;

import io.httpd.api.PluginConfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Notices that a TLS table's files changed on disk: a SHA-256 of their contents (a missing or
 * unreadable file counts as a content of its own), compared at most once per
 * {@code watch_interval}. No thread of its own: the handshakes that ask for the context drive
 * it, and the one that finds the check due does it while the others carry on.
 */
final class FileCheck {
    static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);
    static final String EVENT_RELOAD_FAIL = "tls.reload_fail";

    private final List<Path> files;
    private final Duration interval;
    private final InstantSource clock;
    private final System.Logger log;
    private final ReentrantLock checking = new ReentrantLock();
    private volatile Instant next;
    private String fingerprint;

    /**
     * Takes the fingerprint of the files now: call it before loading them.
     *
     * @param files the files the table reads; nulls are left out
     * @param clock what "now" is
     * @param log   where a change that does not load is reported
     */
    FileCheck(List<Path> files, Duration interval, InstantSource clock, System.Logger log) {
        this.files = files.stream().filter(Objects::nonNull).toList();
        this.interval = interval;
        this.clock = clock;
        this.log = log;
        this.fingerprint = fingerprint();
        this.next = clock.instant().plus(interval);
    }

    /** Reads {@code watch_interval}: a duration, {@code "0s"} for no check. */
    static Duration interval(PluginConfig config) {
        Duration interval = config.duration("watch_interval", DEFAULT_INTERVAL);
        if (interval.isNegative()) {
            throw config.error("watch_interval", "must not be negative (\"0s\" turns it off)");
        }
        return interval;
    }

    /**
     * Whether the files differ from when they were last seen. Checks only when the interval
     * has passed since the last check, and in one caller at a time; the others get false.
     */
    boolean changed() {
        if (interval.isZero() || clock.instant().isBefore(next) || !checking.tryLock()) {
            return false;
        }
        try {
            Instant now = clock.instant();
            if (now.isBefore(next)) {
                return false; // another caller just checked
            }
            next = now.plus(interval);
            String seen = fingerprint();
            boolean changed = !seen.equals(fingerprint);
            fingerprint = seen;
            return changed;
        } finally {
            checking.unlock();
        }
    }

    /** Reports a change on disk that did not load: once per change, as changed() finds each. */
    void failed(String table, IOException e) {
        log.log(System.Logger.Level.WARNING, EVENT_RELOAD_FAIL
                + " table={0} reason=\"{1}\" (the old certificates keep serving)", table,
                e.getMessage());
    }

    /** The files as they are now are the ones in use (a reload is about to read them). */
    void seen() {
        checking.lock();
        try {
            fingerprint = fingerprint();
            next = clock.instant().plus(interval);
        } finally {
            checking.unlock();
        }
    }

    private String fingerprint() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path file : files) {
                sha.update(file.toString().getBytes(StandardCharsets.UTF_8));
                byte[] content = read(file);
                sha.update((byte) (content == null ? 0 : 1));
                sha.update(content == null ? new byte[0] : content);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The content, or null when missing or unreadable: the load will say which. */
    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            return null;
        }
    }
}
