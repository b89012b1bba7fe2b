package io.httpd.core.accesslog;

import io.httpd.api.AccessLogSink;
import io.httpd.api.AccessRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sink for tests: writes "log ID" and "flush" events to a list. It can hold every call to
 * {@code log} at a gate (a slow disk), and fail chosen records or every flush.
 */
final class RecordingSink implements AccessLogSink {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final List<String> events = new ArrayList<>();
    private final Set<String> threadNames = ConcurrentHashMap.newKeySet();
    private final CountDownLatch gate;
    private final CountDownLatch entered = new CountDownLatch(1);
    private final Semaphore flushed = new Semaphore(0);
    private volatile Predicate<AccessRecord> failLog = record -> false;
    private volatile boolean failFlush;
    private volatile int logCalls;

    /** A sink that writes at once. */
    RecordingSink() {
        this(new CountDownLatch(0));
    }

    private RecordingSink(CountDownLatch gate) {
        this.gate = gate;
    }

    /** A sink whose {@code log} waits until {@link #openGate()}. */
    static RecordingSink gated() {
        return new RecordingSink(new CountDownLatch(1));
    }

    /** Lets every held and later {@code log} call through. */
    void openGate() {
        gate.countDown();
    }

    /** Submits record 0 and waits until this sink holds it at its gate. */
    void holdFirst(AccessLogDispatcher dispatcher) throws InterruptedException {
        dispatcher.submit(record(0));
        awaitInLog();
    }

    RecordingSink failingLogFor(Predicate<AccessRecord> which) {
        failLog = which;
        return this;
    }

    RecordingSink failingFlush() {
        failFlush = true;
        return this;
    }

    @Override
    public void log(AccessRecord record) throws IOException {
        threadNames.add(Thread.currentThread().getName());
        logCalls++;
        entered.countDown();
        awaitGate();
        if (failLog.test(record)) {
            throw new IOException("disk full writing " + record.requestId());
        }
        synchronized (events) {
            events.add("log " + record.requestId());
        }
    }

    @Override
    public void flush() throws IOException {
        synchronized (events) {
            events.add("flush");
        }
        flushed.release();
        if (failFlush) {
            throw new IOException("disk full flushing");
        }
    }

    @Override
    public void close() {
        throw new AssertionError("the dispatcher must not close sinks");
    }

    List<String> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    /** The "log ID" events only. */
    List<String> logged() {
        return events().stream().filter(e -> e.startsWith("log ")).toList();
    }

    Set<String> threadNames() {
        return Set.copyOf(threadNames);
    }

    int logCalls() {
        return logCalls;
    }

    /** Waits (bounded) until the sink's thread is inside {@code log}. */
    void awaitInLog() throws InterruptedException {
        assertTrue(entered.await(WAIT.toMillis(), TimeUnit.MILLISECONDS), "log never called");
    }

    /** Waits (bounded) for one more flush. */
    void awaitFlush() throws InterruptedException {
        assertTrue(flushed.tryAcquire(WAIT.toMillis(), TimeUnit.MILLISECONDS), "no flush");
    }

    private void awaitGate() {
        try {
            if (!gate.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new UncheckedIOException(new IOException("gate never opened"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A record whose request id is {@code id}. */
    static AccessRecord record(int id) {
        return new AccessRecord(ZonedDateTime.now(), new InetSocketAddress("127.0.0.1", 5555),
                "GET", "/r/" + id, "HTTP/1.1", 200, 13, Duration.ofMillis(1), null, "test",
                "/", Integer.toString(id));
    }

    /** The "log ID" events for ids from {@code first} to {@code last}, both included. */
    static List<String> loggedIds(int first, int last) {
        return IntStream.rangeClosed(first, last).mapToObj(id -> "log " + id).toList();
    }
}
