package io.httpd.plugin.accesslog;

import io.httpd.api.AccessLogSink;
import io.httpd.testkit.TestTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A reload that changes a sink's format on the same file: the old sink writes its last records
 * while the new one starts. One file, one writer: every line whole and once, rotation by size
 * counts both sinks' lines (two writers would each rotate by their own count and write on into
 * a file the other renamed), and the file stays open until the last sink on it closes.
 */
class SharedFileTest {
    @TempDir
    Path folder;

    @Test
    void twoSinksOnOnePathShareOneWriter() throws Exception {
        AccessLogSink combined = new FileSinkProvider().create(TestTable.of("access_log[0]", folder,
                "path", "access.log", "flush_interval", "0s", "rotate_size", "64KiB", "keep", 1000L), null);
        AccessLogSink common = new FileSinkProvider().create(TestTable.of("access_log[0]", folder,
                "path", "access.log", "format", "common", "flush_interval", "0s", "rotate_size",
                "64KiB", "keep", 1000L), null);
        int n = 5_000;
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            Future<?> a = threads.submit(() -> write(combined, 0, n));
            Future<?> b = threads.submit(() -> write(common, n, n));
            a.get();
            combined.close(); // the old generation's sink: drained, then closed
            b.get();
        }
        common.log(Records.numbered(2 * n)); // still open: the new sink goes on
        common.close();
        List<String> lines = new java.util.ArrayList<>();
        try (var files = Files.list(folder)) {
            for (Path f : files.toList()) {
                assertTrue(Files.size(f) <= 64 * 1024, f + " grew past rotate_size: "
                        + Files.size(f) + " bytes (a second writer rotated it)");
                lines.addAll(Files.readAllLines(f));
            }
        }
        assertEquals(2 * n + 1, lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            assertTrue(line.matches("\\S+ - - \\[[^]]+] \"GET /n/\\d+ HTTP/1.1\" 200 \\d+"
                    + "( \"[^\"]*\" \"[^\"]*\")?"), "line " + i + " is cut or mixed: " + line);
        }
        assertEquals(2 * n + 1, lines.stream().map(l -> l.split("\"")[1]).distinct().count(),
                "each record once");
    }

    private static Void write(AccessLogSink sink, int from, int count) throws Exception {
        for (int i = from; i < from + count; i++) {
            sink.log(Records.numbered(i));
        }
        sink.flush();
        return null;
    }
}
