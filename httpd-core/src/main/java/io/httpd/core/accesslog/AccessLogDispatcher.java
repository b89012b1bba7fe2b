package io.httpd.core.accesslog;

import io.httpd.api.AccessLogSink;
import io.httpd.api.AccessRecord;
import io.httpd.api.ServerView;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Hands each access record to every configured sink without ever making the caller wait.
 *
 * <p>Each sink gets a bounded queue and a thread of its own, named {@code access-log-N} where
 * N is the sink's index in the list (the order of {@code [[access_log]]} in httpd.toml). The
 * thread calls the sink's {@code log} for each record in the order submitted, and its
 * {@code flush} whenever the queue runs empty. A record that a sink's queue has no room for,
 * or whose {@code log} or {@code flush} throws, is counted in {@link #drops()} (and per sink in
 * {@link #dropsBySink()}); an overflow is logged once per episode, a failing sink once per run
 * of failures, and it keeps receiving.
 *
 * <p>{@link #QUEUE_CAPACITY} records a queue, by default: about a second of the fastest rate
 * measured on a 2-core machine (some 70,000 responses a second), and at a few hundred bytes a
 * record at most some 25 MiB per sink, held only while a sink lags.
 *
 * <p>{@link #submit} may be called from any number of threads. {@link #close()} lets every
 * sink write and flush what was already accepted, but does not close the sinks themselves:
 * the server's plugin lifecycle does that afterwards.
 */
public final class AccessLogDispatcher implements AutoCloseable {
    /** How long {@link #close()} waits, in all, for the sinks to drain their queues. */
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);
    /** The records each sink's queue holds by default. */
    public static final int QUEUE_CAPACITY = 65_536;

    private final List<SinkFeed> feeds;
    private final Duration closeTimeout;

    /**
     * Starts one thread per sink.
     *
     * @param sinks         the sinks, in the order of httpd.toml; may be empty
     * @param queueCapacity how many records each sink's queue holds, 1 or more
     */
    public AccessLogDispatcher(List<AccessLogSink> sinks, int queueCapacity) {
        this(sinks, Collections.nCopies(sinks.size(), "sink"), queueCapacity);
    }

    /**
     * Starts one thread per sink.
     *
     * @param sinks         the sinks, in the order of httpd.toml; may be empty
     * @param sinkIds       their sink ids ({@code file}, {@code json}), for events and counters
     * @param queueCapacity how many records each sink's queue holds, 1 or more
     */
    public AccessLogDispatcher(List<AccessLogSink> sinks, List<String> sinkIds,
                               int queueCapacity) {
        this(sinks, sinkIds, queueCapacity, CLOSE_TIMEOUT);
    }

    AccessLogDispatcher(List<AccessLogSink> sinks, int queueCapacity, Duration closeTimeout) {
        this(sinks, Collections.nCopies(sinks.size(), "sink"), queueCapacity,
                closeTimeout);
    }

    private AccessLogDispatcher(List<SinkFeed> feeds, Duration closeTimeout) {
        this.feeds = List.copyOf(feeds);
        this.closeTimeout = closeTimeout;
    }

    /**
     * The dispatcher of a reload's new generation: a sink carried over (the same instance)
     * keeps its feed, queue and thread, so that it never has two writers; a new sink gets a
     * feed of its own, started here.
     */
    public AccessLogDispatcher next(List<AccessLogSink> sinks, List<String> sinkIds,
                                    int queueCapacity) {
        List<SinkFeed> list = new ArrayList<>(sinks.size());
        for (int i = 0; i < sinks.size(); i++) {
            AccessLogSink sink = sinks.get(i);
            SinkFeed kept = feeds.stream().filter(f -> f.sink() == sink).findFirst().orElse(null);
            SinkFeed feed = kept != null ? kept : new SinkFeed(i, sinkIds.get(i), sink,
                    queueCapacity);
            if (kept == null) {
                feed.start();
            }
            list.add(feed);
        }
        return new AccessLogDispatcher(list, closeTimeout);
    }

    /**
     * Stops the feeds of these sinks (those no generation holds any more) and waits until each
     * wrote and flushed what it accepted, as {@link #close()} does for all.
     */
    public void close(java.util.Set<AccessLogSink> sinks) {
        new AccessLogDispatcher(feeds.stream().filter(f -> sinks.contains(f.sink())).toList(),
                closeTimeout).close();
    }

    private AccessLogDispatcher(List<AccessLogSink> sinks, List<String> sinkIds,
                                int queueCapacity, Duration closeTimeout) {
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queue capacity must be 1 or more: "
                    + queueCapacity);
        }
        this.closeTimeout = Objects.requireNonNull(closeTimeout, "closeTimeout");
        if (sinkIds.size() != sinks.size()) {
            throw new IllegalArgumentException("one id per sink");
        }
        List<SinkFeed> list = new ArrayList<>(sinks.size());
        for (AccessLogSink sink : sinks) {
            Objects.requireNonNull(sink, "sink");
            list.add(new SinkFeed(list.size(), sinkIds.get(list.size()), sink, queueCapacity));
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

    /** The drops of each sink, in the order of httpd.toml. */
    public List<ServerView.AccessLogDrops> dropsBySink() {
        List<ServerView.AccessLogDrops> list = new ArrayList<>(feeds.size());
        for (SinkFeed feed : feeds) {
            list.add(new ServerView.AccessLogDrops(feed.index(), feed.sinkId(), feed.drops()));
        }
        return list;
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
