package io.httpd.core.accesslog;

import io.httpd.api.AccessLogSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static io.httpd.core.accesslog.RecordingSink.loggedIds;
import static io.httpd.core.accesslog.RecordingSink.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Close: what was accepted is written and flushed; nothing accepted is lost uncounted. */
@Timeout(30)
class AccessLogCloseTest {
    @Test
    void closeWritesEverythingQueuedThenFlushes() throws Exception {
        RecordingSink sink = RecordingSink.gated();
        var dispatcher = new AccessLogDispatcher(List.of(sink), 8);
        sink.holdFirst(dispatcher);
        for (int id = 1; id <= 8; id++) {
            dispatcher.submit(record(id));
        }

        Thread closer = Thread.ofPlatform().start(dispatcher::close);
        awaitState(closer, Thread.State.TIMED_WAITING);
        dispatcher.submit(record(9));
        sink.openGate();
        closer.join();

        List<String> expected = new ArrayList<>(loggedIds(0, 8));
        expected.add("flush");
        assertEquals(expected, sink.events());
        assertEquals(1, dispatcher.drops(), "only the record submitted after close");
    }

    @Test
    void closeGivesUpOnAStuckSinkAndCountsWhatWasLeft() throws Exception {
        RecordingSink sink = RecordingSink.gated();
        try {
            var dispatcher = new AccessLogDispatcher(List.of(sink), 8, Duration.ofMillis(50));
            sink.holdFirst(dispatcher);
            dispatcher.submit(record(1));
            dispatcher.submit(record(2));

            dispatcher.close();

            assertEquals(2, dispatcher.drops(), "the two queued; the one in the sink is its own");
        } finally {
            sink.openGate();
        }
    }

    @Test
    void recordsAcceptedWhileClosingAreWrittenOrCounted() throws Exception {
        AtomicLong written = new AtomicLong();
        CountDownLatch started = new CountDownLatch(100);
        AccessLogSink sink = record -> {
            written.incrementAndGet();
            started.countDown();
        };
        var dispatcher = new AccessLogDispatcher(List.of(sink), 64);
        int threads = 8;
        int perThread = 20_000;
        List<Thread> submitters = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            submitters.add(Thread.ofVirtual().start(() -> {
                for (int id = 0; id < perThread; id++) {
                    dispatcher.submit(record(id));
                }
            }));
        }
        assertTrue(started.await(10, TimeUnit.SECONDS));
        dispatcher.close();
        for (Thread submitter : submitters) {
            submitter.join();
        }

        assertEquals((long) threads * perThread, written.get() + dispatcher.drops());
    }

    /** Waits (bounded) until a thread is parked in the given state. */
    private static void awaitState(Thread thread, Thread.State state) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (thread.getState() != state) {
            assertTrue(System.nanoTime() < deadline, "thread never reached " + state);
            Thread.sleep(1);
        }
    }
}
