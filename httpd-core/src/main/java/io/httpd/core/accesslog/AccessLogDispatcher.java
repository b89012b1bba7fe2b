package io.httpd.core.accesslog;

import io.httpd.api.AccessLogSink;
import io.httpd.api.AccessRecord;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Hands each access record to every configured sink without ever making the caller wait.
 *
 * <p>Each sink gets a bounded queue and a thread of its own, named {@code access-log-N} where
 * N is the sink's index in the list (the order of {@code [[access_log]]} in httpd.toml). The
 * thread calls the sink's {@code log} for each record in the order submitted, and its
 * {@code flush} whenever the queue runs empty. A record that a sink's queue has no room for,
 * or whose {@code log} or {@code flush} throws, is counted in {@link #drops()}; a failing sink
 * is logged once per run of failures and keeps receiving.
 *
 * <p>{@link #submit} may be called from any number of threads. {@link #close()} lets every
 * sink write and flush what was already accepted, but does not close the sinks themselves:
 * the server's plugin lifecycle does that afterwards.
 */
public final class AccessLogDispatcher implements AutoCloseable {
    /** How long {@link #close()} waits, in all, for the sinks to drain their queues. */
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final List<SinkFeed> feeds;
    private final Duration closeTimeout;

    /**
     * Starts one thread per sink.
     *
     * @param sinks         the sinks, in the order of httpd.toml; may be empty
     * @param queueCapacity how many records each sink's queue holds, 1 or more
     */
    public AccessLogDispatcher(List<AccessLogSink> sinks, int queueCapacity) {
        this(sinks, queueCapacity, CLOSE_TIMEOUT);
    }

    AccessLogDispatcher(List<AccessLogSink> sinks, int queueCapacity, Duration closeTimeout) {
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queue capacity must be 1 or more: "
                    + queueCapacity);
        }
        this.closeTimeout = Objects.requireNonNull(closeTimeout, "closeTimeout");
        List<SinkFeed> list = new ArrayList<>(sinks.size());
        for (AccessLogSink sink : sinks) {
            Objects.requireNonNull(sink, "sink");
            list.add(new SinkFeed("access-log-" + list.size(), sink, queueCapacity));
        }
        this.feeds = List.copyOf(list);
        feeds.forEach(SinkFeed::start);
    }

    /**
     * Queues a record for every sink. Never blocks: a sink whose queue is full, or a
     * dispatcher that is closed, counts the record as dropped.
     */
    public void submit(AccessRecord record) {
        Objects.requireNonNull(record, "record");
        for (SinkFeed feed : feeds) {
            feed.submit(record);
        }
    }

    /**
     * Records dropped since start, summed over the sinks: refused because a queue was full or
     * the dispatcher closed, lost because a sink's {@code log} or {@code flush} threw, or still
     * queued when {@link #close()} gave up waiting.
     */
    public long drops() {
        long total = 0;
        for (SinkFeed feed : feeds) {
            total += feed.drops();
        }
        return total;
    }

    /**
     * Stops accepting records and waits (10 seconds in all) until every sink has written and
     * flushed what was queued. Records still queued after that are counted as dropped. Does not
     * close the sinks. Calling it again does nothing more.
     */
    @Override
    public void close() {
        feeds.forEach(SinkFeed::stopAccepting);
        long deadline = System.nanoTime() + closeTimeout.toNanos();
        for (SinkFeed feed : feeds) {
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            if (!feed.awaitDrained(left)) {
                return;
            }
        }
    }
}
