package io.httpd.core.accesslog;

import io.httpd.api.AccessLogSink;
import io.httpd.api.AccessRecord;
import io.httpd.core.Events;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/**
 * Feeds one sink from its own {@link RecordQueue} on a thread of its own: takes records in
 * order, calls {@link AccessLogSink#log}, and calls {@link AccessLogSink#flush} each time the
 * queue runs empty after a record was written.
 *
 * <p><b>Failures.</b> A record that is refused (queue full or closed), whose {@code log} throws,
 * or whose {@code flush} throws counts as one drop. The first failure of a run is logged as
 * {@value Events#ACCESSLOG_FAIL}; the run ends when the sink flushes successfully again, which is logged
 * as {@value Events#ACCESSLOG_RECOVER} with the number of records dropped meanwhile. The sink keeps
 * receiving throughout. The feed never calls {@link AccessLogSink#close()}: the server's
 * lifecycle closes plugin instances.
 */
final class SinkFeed {

    private static final Logger LOG = LoggerFactory.getLogger(SinkFeed.class);
    /** How long the queue must stay empty before the sink is flushed. */
    static final java.time.Duration QUIET_BEFORE_FLUSH = java.time.Duration.ofMillis(20);

    private final AccessLogSink sink;
    private final RecordQueue queue;
    private final LongAdder drops = new LongAdder();
    private final Thread thread;

    // Touched by the feed's own thread only.
    private boolean unflushed;
    private boolean failing;
    private long droppedWhileFailing;

    SinkFeed(String name, AccessLogSink sink, int capacity) {
        this.sink = sink;
        this.queue = new RecordQueue(capacity);
        this.thread = Thread.ofPlatform().name(name).daemon(true).unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    /** Queues a record for the sink, or counts a drop when the queue is full or closed. */
    void submit(AccessRecord record) {
        if (!queue.offer(record)) {
            drops.increment();
        }
    }

    /** Records refused, failed to log, or failed to flush so far. */
    long drops() {
        return drops.sum();
    }

    /** Refuses further records; the thread goes on until the queue is empty. */
    void stopAccepting() {
        queue.close();
    }

    /**
     * Waits for the thread to write what was queued. When it does not finish in time (or died),
     * what is still queued is discarded and counted as dropped.
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
        int left = queue.discard();
        if (left > 0) {
            drops.add(left);
            LOG.atWarn().setMessage(Events.ACCESSLOG_CLOSE_TIMEOUT)
                    .addKeyValue("thread", thread.getName()).addKeyValue("dropped", left)
                    .log();
        }
        return true;
    }

    private void run() {
        for (AccessRecord record = next(); record != null; record = next()) {
            write(record);
        }
    }

    /**
     * The next record; flushes first whenever the queue has stayed empty for
     * {@link #QUIET_BEFORE_FLUSH}. The short wait keeps a busy server from paying a flush (a
     * write to the file) for every record or two; an idle one still flushes at once.
     */
    private AccessRecord next() {
        AccessRecord record = queue.poll();
        if (record == null) {
            record = queue.poll(QUIET_BEFORE_FLUSH);
        }
        if (record == null) {
            flushIfWritten();
            record = queue.take();
        }
        return record;
    }

    private void write(AccessRecord record) {
        try {
            sink.log(record);
            unflushed = true;
        } catch (Exception | LinkageError e) {
            fail("log", e);
        }
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
        drops.increment();
        droppedWhileFailing++;
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
