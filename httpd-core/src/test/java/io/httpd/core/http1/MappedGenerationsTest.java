package io.httpd.core.http1;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * A listener's view of the generations (https redirect, HSTS): its context is made once per
 * generation, not once per exchange, and follows a reload to the next generation.
 */
class MappedGenerationsTest {
    @Test
    void theContextIsMappedOncePerGeneration() {
        Http1Context first = new TestContext().ctx;
        Http1Context second = new TestContext().ctx;
        AtomicReference<Http1Context> current = new AtomicReference<>(first);
        AtomicInteger mapped = new AtomicInteger();
        Generations listener = swappable(current).map(c -> {
            mapped.incrementAndGet();
            return c.withHttps(HttpsUpgrade.NONE);
        });
        Http1Context a;
        try (Generations.Lease lease = listener.take()) {
            a = lease.context();
        }
        for (int i = 0; i < 5; i++) {
            try (Generations.Lease lease = listener.take()) {
                assertSame(a, lease.context());
            }
        }
        assertSame(a, listener.current());
        assertEquals(1, mapped.get());
        current.set(second); // a reload
        try (Generations.Lease lease = listener.take()) {
            assertSame(second.routes(), lease.context().routes());
        }
        assertEquals(2, mapped.get());
    }

    private static Generations swappable(AtomicReference<Http1Context> current) {
        return new Generations() {
            @Override
            public Http1Context current() {
                return current.get();
            }

            @Override
            public Lease take() {
                return Generations.fixed(current.get()).take();
            }
        };
    }
}
