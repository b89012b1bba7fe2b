package io.httpd.testkit;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for something another thread or process does: polls a condition until it holds or a
 * timeout passes, then fails with a message that says what was awaited and what was last seen.
 * For events with no callback to join (a file written, a counter moved, a port closed); never
 * as a pause.
 *
 * <pre>{@code
 * Await.until(() -> Files.exists(log), Duration.ofSeconds(10), "the access log is written");
 * String text = Await.value(() -> Files.readString(log), t -> t.contains("GET /"),
 *         Duration.ofSeconds(10), "a GET in the access log");
 * }</pre>
 */
public final class Await {
    private static final long POLL_MILLIS = 10;

    private Await() {
    }

    /**
     * Returns as soon as the condition holds.
     *
     * @throws AssertionError naming what was awaited when it still does not hold after the timeout
     */
    public static void until(BooleanSupplier condition, Duration timeout, String what) {
        until(condition, timeout, () -> what);
    }

    /** As {@link #until(BooleanSupplier, Duration, String)}, the message made only on failure. */
    public static void until(BooleanSupplier condition, Duration timeout, Supplier<String> what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not within " + timeout.toMillis() + " ms: " + what.get());
            }
            pause();
        }
    }

    /** A value read again and again until it passes the check; returned. */
    public static <T> T value(Poll<T> read, java.util.function.Predicate<? super T> check,
                              Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = null;
        Exception failure = null;
        while (true) {
            try {
                last = read.get();
                failure = null;
                if (check.test(last)) {
                    return last;
                }
            } catch (Exception e) {
                failure = e;
            }
            if (System.nanoTime() - deadline > 0) {
                AssertionError e = new AssertionError("not within " + timeout.toMillis()
                        + " ms: " + what + "; last seen: " + (failure != null ? failure : last));
                if (failure != null) {
                    e.initCause(failure);
                }
                throw e;
            }
            pause();
        }
    }

    /** A read that may fail while the thing awaited is not there yet. */
    @FunctionalInterface
    public interface Poll<T> {
        T get() throws Exception;
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }
}
