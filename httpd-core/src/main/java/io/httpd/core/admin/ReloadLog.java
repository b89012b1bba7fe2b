package io.httpd.core.admin;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The last reloads (SIGHUP or {@code POST /reload}) and their results, for {@code /status},
 * and how many there were by result, for {@code /metrics}.
 */
public final class ReloadLog {
    private static final int KEPT = 10;

    /**
     * One reload.
     *
     * @param time   when it ran
     * @param failed the ids of the plugin instances whose reload failed
     */
    public record Reload(Instant time, List<String> failed) {
        public Reload {
            failed = List.copyOf(failed);
        }
    }

    /**
     * Reloads since start, by result.
     *
     * @param ok     the reloads in which every instance reloaded
     * @param failed the others
     */
    record Totals(long ok, long failed) {
    }

    private final Deque<Reload> reloads = new ArrayDeque<>();
    private long ok;
    private long failed;

    /** Records a reload, dropping the oldest past ten, and counts it by its result. */
    public synchronized void add(Reload reload) {
        if (reload.failed().isEmpty()) {
            ok++;
        } else {
            failed++;
        }
        reloads.addFirst(reload);
        if (reloads.size() > KEPT) {
            reloads.removeLast();
        }
    }

    synchronized Totals totals() {
        return new Totals(ok, failed);
    }

    /** Newest first. */
    public synchronized List<Reload> recent() {
        return List.copyOf(reloads);
    }
}
