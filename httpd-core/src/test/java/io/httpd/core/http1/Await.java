package io.httpd.core.http1;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for what another thread does, for the core's tests (httpd-core cannot read the test
 * kit, whose {@code io.httpd.testkit.Await} plugins use): polls a condition every 10 ms until it
 * holds, or fails saying what was awaited and what was last seen. Never as a pause.
 */
public final class Await {
    private Await() {
    }

    /**
     * Returns as soon as the condition holds.
     *
     * @throws AssertionError when it still does not hold after the timeout; the message is
     *                        made then, so it can show the last value
     */
    public static void until(BooleanSupplier condition, Duration timeout, Supplier<String> what)
            throws InterruptedException {
        for (long end = System.nanoTime() + timeout.toNanos(); !condition.getAsBoolean();
                Thread.sleep(10)) {
            if (System.nanoTime() - end > 0) {
                throw new AssertionError("not within " + timeout.toMillis() + " ms: " + what.get());
            }
        }
    }

    /**
     * For a handler held until the test releases it: waits at most 5 s.
     *
     * @throws IOException when the latch is not released by then (the handler fails)
     */
    public static void released(CountDownLatch latch) throws IOException {
        try {
            if (!latch.await(5, TimeUnit.SECONDS)) {
                throw new IOException("not released within 5 s");
            }
        } catch (InterruptedException e) {
            throw new InterruptedIOException();
        }
    }
}
