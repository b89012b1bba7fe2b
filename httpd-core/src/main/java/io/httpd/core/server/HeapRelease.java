package io.httpd.core.server;

import io.httpd.core.event.Events;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * Gives the heap back after a flood of connections. The launcher's serial collector shrinks
 * the heap only in a full collection, and nothing starts one while the server is quiet, so a
 * burst of 10,000 connections would otherwise hold its peak for as long as the process lives.
 * One virtual thread looks at the number of open connections every {@link #TICK_SECONDS}: when
 * a high-water mark of at least {@link #FLOOD} has fallen to a quarter or less and stayed there
 * for two looks in a row, it asks for one full collection ({@code System.gc()}) and starts a new
 * mark. A server that never sees a flood never collects this way.
 */
final class HeapRelease implements Runnable {
    /** The fewest connections that count as a flood worth giving back. */
    static final int FLOOD = 1_000;
    static final int TICK_SECONDS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(HeapRelease.class);

    private final IntSupplier openConnections;
    private int highWater;
    private int quietLooks;

    HeapRelease(IntSupplier openConnections) {
        this.openConnections = openConnections;
    }

    /** Starts the watching thread; it ends when interrupted. */
    Thread start() {
        return Thread.ofVirtual().name("heap-release").start(this);
    }

    /**
     * One look at the open connections.
     *
     * @return whether the flood is over and its memory should be given back now
     */
    boolean look(int open) {
        if (open >= highWater) {
            highWater = open;
            quietLooks = 0;
            return false;
        }
        if (highWater < FLOOD || open > highWater / 4) {
            quietLooks = 0;
            return false;
        }
        if (++quietLooks < 2) {
            return false;
        }
        highWater = open;
        quietLooks = 0;
        return true;
    }

    @Override
    public void run() {
        try {
            while (true) {
                TimeUnit.SECONDS.sleep(TICK_SECONDS);
                int peak = highWater;
                int open = openConnections.getAsInt();
                if (look(open)) {
                    release(peak, open);
                }
            }
        } catch (InterruptedException e) {
            // the server stops
        }
    }

    private static void release(int peak, int open) {
        MemoryUsage before = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        System.gc();
        MemoryUsage after = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        LOG.atInfo().setMessage(Events.SERVER_HEAP_RELEASE)
                .addKeyValue("peak_connections", peak)
                .addKeyValue("connections", open)
                .addKeyValue("heap_committed_before_mib", before.getCommitted() >> 20)
                .addKeyValue("heap_committed_after_mib", after.getCommitted() >> 20)
                .log();
    }
}
