package io.httpd.core.accesslog;

import io.httpd.api.AccessLogSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Set;

import static io.httpd.core.accesslog.RecordingSink.loggedIds;
import static io.httpd.core.accesslog.RecordingSink.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Delivery: every sink gets every record, in order, on its own thread, flushed when idle. */
@Timeout(30)
class AccessLogDispatcherTest {
    @Test
    void everySinkGetsEveryRecordInOrder() {
        RecordingSink first = new RecordingSink();
        RecordingSink second = new RecordingSink();
        int count = 5_000;
        try (var dispatcher = new AccessLogDispatcher(List.of(first, second), count)) {
            for (int id = 0; id < count; id++) {
                dispatcher.submit(record(id));
            }
            dispatcher.close();
            assertEquals(0, dispatcher.drops());
        }
        assertEquals(loggedIds(0, count - 1), first.logged());
        assertEquals(loggedIds(0, count - 1), second.logged());
    }

    @Test
    void eachSinkHasAThreadNamedForItsIndex() {
        RecordingSink first = new RecordingSink();
        RecordingSink second = new RecordingSink();
        try (var dispatcher = new AccessLogDispatcher(List.of(first, second), 4)) {
            dispatcher.submit(record(0));
        }
        assertEquals(Set.of("access-log-0"), first.threadNames());
        assertEquals(Set.of("access-log-1"), second.threadNames());
    }

    @Test
    void flushesEachTimeTheQueueRunsEmpty() throws Exception {
        RecordingSink sink = RecordingSink.gated();
        try (var dispatcher = new AccessLogDispatcher(List.of(sink), 4)) {
            sink.holdFirst(dispatcher);
            dispatcher.submit(record(1));
            dispatcher.submit(record(2));
            sink.openGate();
            sink.awaitFlush();
            assertEquals(List.of("log 0", "log 1", "log 2", "flush"), sink.events());

            dispatcher.submit(record(3));
            sink.awaitFlush();
            assertEquals(List.of("log 0", "log 1", "log 2", "flush", "log 3", "flush"),
                    sink.events());
        }
    }

    @Test
    void worksWithoutSinks() {
        try (var dispatcher = new AccessLogDispatcher(List.of(), 1)) {
            dispatcher.submit(record(0));
            assertEquals(0, dispatcher.drops());
        }
    }

    @Test
    void rejectsAQueueWithoutRoom() {
        List<AccessLogSink> sinks = List.of(new RecordingSink());
        assertThrows(IllegalArgumentException.class, () -> new AccessLogDispatcher(sinks, 0));
    }
}
