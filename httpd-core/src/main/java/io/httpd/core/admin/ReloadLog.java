package io.httpd.core.admin;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The last reloads (SIGHUP or {@code POST /reload}) and their results, for {@code /status}. */
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

    private final Deque<Reload> reloads = new ArrayDeque<>();

    /** Records a reload, dropping the oldest past ten. */
    public synchronized void add(Reload reload) {
        reloads.addFirst(reload);
        if (reloads.size() > KEPT) {
            reloads.removeLast();
        }
    }

    /** Newest first. */
    public synchronized List<Reload> recent() {
        return List.copyOf(reloads);
    }
}
