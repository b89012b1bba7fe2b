package io.httpd.core.http1;

import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The buffers idle connections lend back: reused, bounded, and never held by two at once. */
class BufferPoolTest {
    @Test
    void aBufferGivenBackIsTakenAgainOnce() {
        BufferPool pool = new BufferPool(4);
        byte[] b = new byte[16];
        pool.give(b);
        assertSame(b, pool.take(16));
        assertNotSame(b, pool.take(16), "taken twice");
        assertEquals(0, pool.size());
    }

    @Test
    void aBufferOfAnotherLengthIsDroppedAndAFullPoolDropsTheRest() {
        BufferPool pool = new BufferPool(2);
        pool.give(new byte[8]);
        assertEquals(16, pool.take(16).length);
        for (int i = 0; i < 3; i++) {
            pool.give(new byte[16]);
        }
        assertEquals(2, pool.size());
    }

    @Test
    void noBufferIsLentToTwoConnectionsAtOnce() throws Exception {
        BufferPool pool = new BufferPool(8);
        Set<byte[]> held = Collections.newSetFromMap(Collections.synchronizedMap(new IdentityHashMap<>()));
        AtomicReference<String> failure = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(8);
        for (int t = 0; t < 8; t++) {
            Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 20_000; i++) {
                    byte[] b = pool.take(64);
                    if (!held.add(b)) {
                        failure.set("one buffer held by two threads");
                    }
                    held.remove(b);
                    pool.give(b);
                }
                done.countDown();
            });
        }
        done.await();
        assertNull(failure.get());
        int kept = pool.size(); // as many as were ever held at once, 8 at most
        assertTrue(kept >= 1 && kept <= 8, "kept " + kept);
        Set<byte[]> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < kept; i++) {
            distinct.add(pool.take(64));
        }
        assertEquals(kept, distinct.size(), "one array kept twice");
    }
}
