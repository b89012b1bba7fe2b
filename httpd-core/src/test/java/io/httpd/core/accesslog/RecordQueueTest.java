package io.httpd.core.accesslog;

import io.httpd.api.AccessRecord;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import static io.httpd.core.accesslog.RecordingSink.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lock-free queue between connection threads and a sink: bounded, first in first out for
 * each producer, every accepted record handed out exactly once, even when a close races with
 * offers.
 */
@Timeout(60)
class RecordQueueTest {
    static final int PRODUCERS = 8;
    static final int EACH = 20_000;
    private static final Duration WAIT = Duration.ofMillis(50);

    @Test
    void refusesPastItsCapacityAndHandsOutInOrder() {
        RecordQueue queue = new RecordQueue(3);
        for (int id = 0; id < 5; id++) {
            assertEquals(id < 3, queue.offer(record(id)), "offer " + id);
        }
        AccessRecord[] batch = new AccessRecord[8];
        assertEquals(3, queue.drainTo(batch, WAIT));
        assertEquals(List.of("0", "1", "2"), ids(batch, 3));
        assertTrue(queue.offer(record(5)), "room again");
        assertEquals(1, queue.drainTo(batch, WAIT));
        assertEquals(0, queue.drainTo(batch, WAIT), "empty: nothing came in time");
        queue.close();
        assertFalse(queue.offer(record(6)), "closed");
        assertEquals(-1, queue.drainTo(batch, WAIT), "closed and empty");
    }

    /** Many producers, one consumer: nothing lost or doubled, each producer's order kept. */
    @RepeatedTest(3)
    void everyAcceptedRecordIsHandedOutOnceInOrder() throws Exception {
        RecordQueue queue = new RecordQueue(1024);
        AtomicLong refused = new AtomicLong();
        List<Thread> producers = start(queue, refused, new CountDownLatch(0));
        int[] next = new int[PRODUCERS]; // the next sequence number expected from each
        long taken = consume(queue, next, producers);
        for (Thread t : producers) {
            t.join();
        }
        assertEquals((long) PRODUCERS * EACH, taken + refused.get());
    }

    /** A close while producers offer: what was accepted before it is still handed out. */
    @RepeatedTest(3)
    void aCloseRacingWithOffersLosesNoAcceptedRecord() throws Exception {
        RecordQueue queue = new RecordQueue(256);
        AtomicLong refused = new AtomicLong();
        CountDownLatch going = new CountDownLatch(PRODUCERS);
        List<Thread> producers = start(queue, refused, going);
        going.await();
        queue.close();
        int[] next = new int[PRODUCERS];
        long taken = consume(queue, next, producers);
        for (Thread t : producers) {
            t.join();
        }
        assertEquals((long) PRODUCERS * EACH, taken + refused.get());
    }

    /** Drains until closed and empty (closing once the producers are done); checks order. */
    private static long consume(RecordQueue queue, int[] next, List<Thread> producers)
            throws InterruptedException {
        AccessRecord[] batch = new AccessRecord[512];
        long taken = 0;
        boolean closed = false;
        while (true) {
            int n = queue.drainTo(batch, WAIT);
            if (n < 0) {
                return taken;
            }
            for (int i = 0; i < n; i++) {
                String[] id = batch[i].requestId().split("-");
                int producer = Integer.parseInt(id[0]);
                int seq = Integer.parseInt(id[1]);
                assertTrue(seq >= next[producer], "order of producer " + producer);
                next[producer] = seq + 1;
            }
            taken += n;
            if (!closed && producers.stream().noneMatch(Thread::isAlive)) {
                queue.close();
                closed = true;
            }
        }
    }

    private static List<Thread> start(RecordQueue queue, AtomicLong refused,
                                      CountDownLatch going) {
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < PRODUCERS; p++) {
            int producer = p;
            threads.add(Thread.ofVirtual().start(() -> {
                going.countDown();
                for (int seq = 0; seq < EACH; seq++) {
                    if (!queue.offer(withId(producer + "-" + seq))) {
                        refused.incrementAndGet();
                    }
                }
            }));
        }
        return threads;
    }

    private static AccessRecord withId(String id) {
        AccessRecord r = record(0);
        return new AccessRecord(r.timestamp(), r.client(), r.method(), r.target(), r.protocol(),
                r.status(), r.bytes(), r.duration(), r.referer(), r.userAgent(), r.route(), id);
    }

    private static List<String> ids(AccessRecord[] batch, int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(batch[i].requestId());
        }
        return ids;
    }
}
