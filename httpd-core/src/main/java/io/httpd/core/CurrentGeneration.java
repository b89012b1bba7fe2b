package io.httpd.core;

import io.httpd.api.AccessLogSink;
import io.httpd.api.PluginInstance;
import io.httpd.core.http1.Generations;
import io.httpd.core.http1.Http1Context;

import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The generation serving now: one volatile reference, replaced whole by {@link #swap}. An
 * exchange {@linkplain #take() takes} a hold on the generation it read, or reads again if that
 * one was let go in between, so it never sees two. A generation that nobody holds any more
 * retires on a thread of its own: the feeds of its sinks that no live generation shares drain,
 * then those instances close, in reverse order of creation. An instance carried over lives as
 * long as any generation that has it.
 */
final class CurrentGeneration implements Generations {
    private volatile Generation current;
    /** How many live generations have each instance; by identity. */
    private final Map<PluginInstance, Integer> holders = new IdentityHashMap<>();
    private final Map<Generation, CountDownLatch> live = new IdentityHashMap<>();

    CurrentGeneration(Generation first) {
        admit(first);
        current = first;
    }

    @Override
    public Http1Context current() {
        return current.context;
    }

    /** The generation serving now, for reading only (a reload compares with it). */
    Generation generation() {
        return current;
    }

    @Override
    public Lease take() {
        while (true) {
            Generation g = current;
            if (g.hold()) {
                return g;
            }
        }
    }

    /** Puts a new generation in; the old one retires when its last exchange ends. */
    synchronized void swap(Generation next) {
        admit(next);
        Generation old = current;
        current = next;
        old.close(); // the server's own hold
    }

    private synchronized void admit(Generation g) {
        g.instances().forEach(i -> holders.merge(i, 1, Integer::sum));
        live.put(g, new CountDownLatch(1));
        g.whenUnheld(unheld -> Thread.ofVirtual().name("generation-retire")
                .start(() -> retire(unheld)));
    }

    private void retire(Generation g) {
        Set<PluginInstance> free = release(g);
        Set<AccessLogSink> sinks = Collections.newSetFromMap(new IdentityHashMap<>());
        g.plugins.sinks.stream().filter(free::contains).forEach(sinks::add);
        g.accessLog.close(sinks); // every record accepted is written before its sink closes
        g.plugins.close(free);
        CountDownLatch done;
        synchronized (this) {
            done = live.remove(g);
        }
        done.countDown();
    }

    private synchronized Set<PluginInstance> release(Generation g) {
        Set<PluginInstance> free = Collections.newSetFromMap(new IdentityHashMap<>());
        for (PluginInstance i : g.instances()) {
            if (holders.merge(i, -1, Integer::sum) == 0) {
                holders.remove(i);
                free.add(i);
            }
        }
        return free;
    }

    /**
     * At shutdown, after the listeners stopped: lets go of the current generation and waits
     * until every generation has retired (its sinks drained, its instances closed).
     */
    void close(Duration timeout) throws InterruptedException {
        current.close();
        long deadline = System.nanoTime() + timeout.toNanos();
        for (CountDownLatch done : snapshot()) {
            done.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
    }

    private synchronized java.util.List<CountDownLatch> snapshot() {
        return java.util.List.copyOf(live.values());
    }
}
