package io.httpd.core.accesslog;

import io.httpd.api.AccessLogSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import static io.httpd.core.accesslog.RecordingSink.loggedIds;
import static io.httpd.core.accesslog.RecordingSink.record;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Drops: a slow or failing sink costs its own records, counted, and never stalls submit. */
@Timeout(30)
class AccessLogDropTest {
    @Test
    void blockedSinkNeverBlocksSubmitAndCountsEachDrop() throws Exception {
        RecordingSink sink = RecordingSink.gated();
        try (var dispatcher = new AccessLogDispatcher(List.of(sink), 4)) {
            sink.holdFirst(dispatcher);
            for (int id = 1; id <= 10; id++) {
                dispatcher.submit(record(id));
            }
            // One record in the sink's hands plus four queued; the other six had no room.
            assertEquals(6, dispatcher.drops());
            sink.openGate();
            dispatcher.close();
            assertEquals(6, dispatcher.drops());
        }
        assertEquals(loggedIds(0, 4), sink.logged());
    }

    @Test
    void failingSinkIsCountedAndTheOtherSinkGetsEverything() {
        RecordingSink failing = new RecordingSink().failingLogFor(record -> true);
        RecordingSink healthy = new RecordingSink();
        try (var dispatcher = new AccessLogDispatcher(List.of(failing, healthy), 100)) {
            for (int id = 0; id < 50; id++) {
                dispatcher.submit(record(id));
            }
            dispatcher.close();
            assertEquals(50, dispatcher.drops());
        }
        assertEquals(50, failing.logCalls(), "the failing sink keeps receiving");
        assertEquals(List.of(), failing.logged());
        assertEquals(loggedIds(0, 49), healthy.logged());
    }

    @Test
    void aFailureNamingTheRecordsItLostCountsThatMany() {
        AccessLogSink sink = record -> {
            throw new AccessLogSink.RecordsLost(3, new IOException("No space left on device"));
        };
        try (var dispatcher = new AccessLogDispatcher(List.of(sink), 100)) {
            for (int id = 0; id < 5; id++) {
                dispatcher.submit(record(id));
            }
            dispatcher.close();
            assertEquals(15, dispatcher.drops());
        }
    }

    @Test
    void sinkKeepsReceivingAfterAFailure() {
        Set<String> bad = Set.of("3", "4");
        RecordingSink sink = new RecordingSink()
                .failingLogFor(record -> bad.contains(record.requestId()));
        try (var dispatcher = new AccessLogDispatcher(List.of(sink), 16)) {
            for (int id = 0; id < 10; id++) {
                dispatcher.submit(record(id));
            }
            dispatcher.close();
            assertEquals(2, dispatcher.drops());
        }
        assertEquals(List.of("log 0", "log 1", "log 2", "log 5", "log 6", "log 7", "log 8",
                "log 9"), sink.logged());
    }

    @Test
    void failedFlushCountsADrop() {
        RecordingSink sink = new RecordingSink().failingFlush();
        try (var dispatcher = new AccessLogDispatcher(List.of(sink), 4)) {
            dispatcher.submit(record(0));
            dispatcher.close();
            assertEquals(1, dispatcher.drops());
        }
        assertEquals(List.of("log 0", "flush"), sink.events());
    }

    @Test
    void submitAfterCloseCountsADrop() {
        RecordingSink first = new RecordingSink();
        RecordingSink second = new RecordingSink();
        var dispatcher = new AccessLogDispatcher(List.of(first, second), 4);
        dispatcher.close();

        dispatcher.submit(record(0));
        dispatcher.close();

        assertEquals(2, dispatcher.drops(), "one per sink");
        assertEquals(List.of(), first.events());
        assertEquals(List.of(), second.events());
    }
}
