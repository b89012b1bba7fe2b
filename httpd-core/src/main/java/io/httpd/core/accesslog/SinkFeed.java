package io.httpd.core.accesslog;

import io.httpd.api.AccessLogSink;
import io.httpd.api.AccessRecord;
import io.httpd.core.event.Events;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.LongAdder;

/**
 * Feeds one sink from its own {@link RecordQueue} on a thread of its own: takes records in
 * batches of up to {@value #BATCH}, calls {@link AccessLogSink#log} for each in order, and calls
 * {@link AccessLogSink#flush} once the queue has stayed empty for {@link #QUIET_BEFORE_FLUSH}
 * after a record was written (a busy server pays no write per record; an idle one still
 * flushes at once).
 *
 * <p><b>Overflow.</b> A record refused because the queue is full (or closed) counts as one drop.
 * An overflow episode, the refusals until a batch has been written without a new one, is
 * logged once when it ends, as {@value Events#ACCESSLOG_DROP} with the sink and the count.
 *
 * <p><b>Failures.</b> A record whose {@code log} throws, or a {@code flush} that throws, counts
 * as one drop, or as the records an {@link AccessLogSink.RecordsLost} names. The first failure of a run is logged as {@value Events#ACCESSLOG_FAIL}; the run
 * ends when the sink flushes successfully again, which is logged as
 * {@value Events#ACCESSLOG_RECOVER} with the number of records dropped meanwhile. The sink keeps
 * receiving throughout. The feed never calls {@link AccessLogSink#close()}: the server's
 * lifecycle closes plugin instances.
 */
final class SinkFeed {
    private static final Logger LOG = LoggerFactory.getLogger(SinkFeed.class);
    /** How long the queue must stay empty before the sink is flushed. */
    static final Duration QUIET_BEFORE_FLUSH = Duration.ofMillis(20);
    /** How long an idle feed waits before it looks again (nothing is owed then). */
    private static final Duration IDLE_WAIT = Duration.ofSeconds(1);
    /** The most records taken from the queue at once. */
    static final int BATCH = 512;

    private final int index;
    private final String sinkId;
    private final AccessLogSink sink;
    private final RecordQueue queue;
    private final LongAdder refused = new LongAdder(); // queue full or closed
    private final LongAdder failed = new LongAdder();  // log or flush threw; given up at close
    private final Thread thread;
    private volatile boolean abandoned;                // close gave up waiting

    // Touched by the feed's own thread only.
    private final AccessRecord[] batch = new AccessRecord[BATCH];
    private boolean unflushed;
    private boolean failing;
    private long droppedWhileFailing;
    private long refusedReported; // refusals already logged as accesslog.drop
    private long refusedSeen;     // refusals counted after the previous batch

    SinkFeed(int index, String sinkId, AccessLogSink sink, int capacity) {
        this.index = index;
        this.sinkId = sinkId;
        this.sink = sink;
        this.queue = new RecordQueue(capacity);
        this.thread = Thread.ofPlatform().name("access-log-" + index).daemon(true)
                .unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    /** Queues a record for the sink, or counts a drop when the queue is full or closed. */
    void submit(AccessRecord record) {
        if (!queue.offer(record)) {
            refused.increment();
        }
    }

    /** Records refused, failed to log, or failed to flush so far. */
    long drops() {
        return refused.sum() + failed.sum();
    }

    int index() {
        return index;
    }

    AccessLogSink sink() {
        return sink;
    }

    String sinkId() {
        return sinkId;
    }

    /** Refuses further records; the thread goes on until the queue is empty. */
    void stopAccepting() {
        queue.close();
    }

    /**
     * Waits for the thread to write what was queued. When it does not finish in time (or died),
     * what is still queued is given up and counted as dropped.
     *
     * @return false when interrupted while waiting (the interrupt flag is set again)
     */
    boolean awaitDrained(Duration timeout) {
        try {
            thread.join(timeout.isNegative() ? Duration.ZERO : timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        abandoned = true;
        int left = queue.discard();
        if (left > 0) {
            failed.add(left);
            LOG.atWarn().setMessage(Events.ACCESSLOG_CLOSE_TIMEOUT)
                    .addKeyValue("thread", thread.getName()).addKeyValue("dropped", left)
                    .log();
        }
        return true;
    }

    private void run() {
        while (!abandoned) {
            int n = queue.drainTo(batch, unflushed ? QUIET_BEFORE_FLUSH : IDLE_WAIT);
            if (n <= 0) {
                flushIfWritten();
                reportDrops(true);
                if (n < 0) {
                    return;
                }
                continue;
            }
            for (int i = 0; i < n && !abandoned; i++) {
                write(batch[i]);
            }
            Arrays.fill(batch, 0, n, null);
            reportDrops(false);
        }
    }

    private void write(AccessRecord record) {
        try {
            sink.log(record);
            unflushed = true;
        } catch (Exception | LinkageError e) {
            fail("log", e);
        }
    }

    /**
     * Logs an overflow episode once it is over: no record was refused while the last batch
     * was written, or the queue ran empty.
     */
    private void reportDrops(boolean quiet) {
        long now = refused.sum();
        if (now != refusedReported && (quiet || now == refusedSeen)) {
            LOG.atWarn().setMessage(Events.ACCESSLOG_DROP).addKeyValue("sink", sinkId)
                    .addKeyValue("index", index).addKeyValue("dropped", now - refusedReported)
                    .addKeyValue("capacity", queue.capacity()).log();
            refusedReported = now;
        }
        refusedSeen = now;
    }

    private void flushIfWritten() {
        if (!unflushed) {
            return;
        }
        unflushed = false;
        try {
            sink.flush();
        } catch (Exception | LinkageError e) {
            fail("flush", e);
            return;
        }
        recover();
    }

    private void fail(String call, Throwable cause) {
        long lost = cause instanceof AccessLogSink.RecordsLost r ? r.records() : 1;
        failed.add(lost);
        droppedWhileFailing += lost;
        if (!failing) {
            failing = true;
            LOG.atWarn().setMessage(Events.ACCESSLOG_FAIL).addKeyValue("thread", thread.getName())
                    .addKeyValue("sink", sink.getClass().getName()).addKeyValue("call", call)
                    .setCause(cause)
                    .log();
        }
    }

    private void recover() {
        if (failing) {
            LOG.atInfo().setMessage(Events.ACCESSLOG_RECOVER)
                    .addKeyValue("thread", thread.getName())
                    .addKeyValue("sink", sink.getClass().getName())
                    .addKeyValue("dropped", droppedWhileFailing)
                    .log();
            failing = false;
            droppedWhileFailing = 0;
        }
    }
}
