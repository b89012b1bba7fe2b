package io.httpd.testkit;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AwaitTest {
    @Test
    void returnsOnceTheConditionHolds() {
        AtomicInteger polls = new AtomicInteger();
        Await.until(() -> polls.incrementAndGet() >= 3, Duration.ofSeconds(10), "three polls");
        assertEquals(3, polls.get());
    }

    @Test
    void failsAfterTheTimeoutNamingWhatWasAwaited() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> Await.until(() -> false, Duration.ofMillis(50), "the moon"));
        assertEquals("not within 50 ms: the moon", e.getMessage());
    }

    @Test
    void valueReturnsTheFirstValueThatPassesAndSaysTheLastOneSeenOtherwise() {
        AtomicInteger n = new AtomicInteger();
        assertEquals(4, Await.value(n::incrementAndGet, v -> v > 3, Duration.ofSeconds(10), "4"));
        AssertionError e = assertThrows(AssertionError.class,
                () -> Await.value(() -> "late", v -> false, Duration.ofMillis(30), "early"));
        assertEquals("not within 30 ms: early; last seen: late", e.getMessage());
    }

    @Test
    void aReadThatKeepsFailingIsTheCause() {
        AssertionError e = assertThrows(AssertionError.class, () -> Await.value(() -> {
            throw new java.io.FileNotFoundException("access.log");
        }, v -> true, Duration.ofMillis(30), "the log"));
        assertTrue(e.getMessage().endsWith("last seen: java.io.FileNotFoundException: access.log"),
                e.getMessage());
        assertEquals("access.log", e.getCause().getMessage());
    }
}
