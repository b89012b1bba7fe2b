package io.httpd.core.accesslog;

import io.httpd.api.AccessLogSink;
import io.httpd.api.AccessRecord;
import io.httpd.api.ServerView.AccessLogDrops;
import io.httpd.core.event.Events;
import io.httpd.core.http1.Await;
import io.httpd.core.http1.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.httpd.core.accesslog.RecordingSink.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sink too slow for its queue loses the records that find it full: counted per sink, and
 * logged as {@value Events#ACCESSLOG_DROP} once per overflow episode, with the count.
 */
@Timeout(60)
class AccessLogOverflowTest {
    static final int CAPACITY = 16;

    @Test
    void eachOverflowEpisodeIsLoggedOnceWithItsCount() throws Exception {
        HoldingSink slow = new HoldingSink();
        try (LogCapture log = LogCapture.of(SinkFeed.class);
             var dispatcher = new AccessLogDispatcher(List.of(slow), List.of("file"), CAPACITY)) {
            overflow(dispatcher, slow, 100); // 1 in the sink's hands, 16 queued, 84 refused
            awaitDropEvents(log, 1);
            overflow(dispatcher, slow, 40);  // 1 + 16, 24 refused
            awaitDropEvents(log, 2);
            dispatcher.close();
            assertEquals(List.of(
                    "WARN accesslog.drop sink=file index=0 dropped=84 capacity=16",
                    "WARN accesslog.drop sink=file index=0 dropped=24 capacity=16"),
                    dropEvents(log));
            assertEquals(108, dispatcher.drops());
            assertEquals(2 + 2 * CAPACITY, slow.logged.get());
        }
    }

    @Test
    void dropsAreCountedPerSink() throws Exception {
        HoldingSink slow = new HoldingSink();
        RecordingSink fast = new RecordingSink();
        try (var dispatcher = new AccessLogDispatcher(List.of(fast, slow), List.of("json", "file"),
                CAPACITY)) {
            dispatcher.submit(hold());
            assertTrue(slow.entered.tryAcquire(10, TimeUnit.SECONDS), "the sink never got it");
            for (int id = 0; id < 50; id++) {
                dispatcher.submit(record(id));
                awaitLogged(fast, id + 2); // the fast sink keeps up: its queue never fills
            }
            slow.release.release();
            dispatcher.close();
            assertEquals(List.of(new AccessLogDrops(0, "json", 0), new AccessLogDrops(1, "file", 34)),
                    dispatcher.dropsBySink());
        }
        assertEquals(51, fast.logged().size());
    }

    /** Stalls the sink on one record, submits {@code count} more, then lets it go on. */
    private static void overflow(AccessLogDispatcher dispatcher, HoldingSink sink, int count)
            throws InterruptedException {
        dispatcher.submit(hold());
        assertTrue(sink.entered.tryAcquire(10, TimeUnit.SECONDS), "the sink never got the record");
        for (int id = 0; id < count; id++) {
            dispatcher.submit(record(id));
        }
        sink.release.release();
    }

    private static void awaitLogged(RecordingSink sink, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (sink.logged().size() < count && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
    }

    private static void awaitDropEvents(LogCapture log, int count) throws InterruptedException {
        Await.until(() -> dropEvents(log).size() >= count, Duration.ofSeconds(10),
                () -> count + " drop events: " + dropEvents(log));
        assertEquals(count, dropEvents(log).size(), "" + dropEvents(log));
    }

    private static List<String> dropEvents(LogCapture log) {
        return log.events().stream().filter(e -> e.contains(Events.ACCESSLOG_DROP)).toList();
    }

    private static AccessRecord hold() {
        return new AccessRecord(ZonedDateTime.now(), new InetSocketAddress("127.0.0.1", 5555),
                "GET", "/hold", "HTTP/1.1", 200, 0, Duration.ZERO, null, null, null, "hold");
    }

    /** A slow disk: {@code log} of the record "hold" waits until released. */
    static final class HoldingSink implements AccessLogSink {
        final Semaphore entered = new Semaphore(0);
        final Semaphore release = new Semaphore(0);
        final AtomicInteger logged = new AtomicInteger();

        @Override
        public void log(AccessRecord record) {
            if (record.requestId().equals("hold")) {
                entered.release();
                release.acquireUninterruptibly();
            }
            logged.incrementAndGet();
        }
    }
}
