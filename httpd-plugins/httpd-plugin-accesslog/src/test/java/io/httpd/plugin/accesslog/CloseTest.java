package io.httpd.plugin.accesslog;

import io.httpd.api.AccessLogSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static io.httpd.plugin.accesslog.LogFiles.combined;
import static io.httpd.plugin.accesslog.LogFiles.numbers;
import static io.httpd.plugin.accesslog.LogFiles.range;
import static io.httpd.plugin.accesslog.Records.numbered;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Shutdown: close writes every buffered line; the sink is done after that. */
class CloseTest {
    @TempDir
    Path folder;

    @Test
    void closeWritesEveryLineStillBuffered() throws Exception {
        Path log = folder.resolve("access.log");
        AccessLogSink sink = combined(log, "flush_interval", "1h");
        for (long n = 1; n <= 10_000; n++) {
            sink.log(numbered(n));
        }
        sink.close();
        assertEquals(range(1, 10_000), numbers(log));
    }

    @Test
    void afterCloseReloadDoesNothingAndLogThrows() throws Exception {
        Path log = folder.resolve("access.log");
        AccessLogSink sink = combined(log);
        sink.log(numbered(1));
        sink.close();
        sink.close();
        sink.reload();
        sink.flush();
        assertThrows(IOException.class, () -> sink.log(numbered(2)));
        assertEquals(List.of(1L), numbers(log));
    }
}
