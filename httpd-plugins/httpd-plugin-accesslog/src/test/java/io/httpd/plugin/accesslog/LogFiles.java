package io.httpd.plugin.accesslog;

import io.httpd.testkit.TestTable;
import io.httpd.api.AccessLogSink;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Opening sinks on real files and reading back which numbered records they hold. */
final class LogFiles {
    private static final Pattern NUMBERED = Pattern.compile(
            "^192\\.0\\.2\\.7 - - \\[[^\\]]+\\] \"GET /n/(\\d+) HTTP/1\\.1\" 200 2326 "
                    + "\"http://example\\.test/start\" \"curl/8\\.5\\.0\"$");

    private LogFiles() {
    }

    /** A combined-format sink through the provider, as the server creates it. */
    static AccessLogSink combined(Path file, Object... moreKeys) throws Exception {
        Object[] keys = Stream.concat(Stream.of("path", file.toString()), Stream.of(moreKeys))
                .toArray();
        return new FileSinkProvider().create(TestTable.of("access_log[0]", file.getParent(), keys), null);
    }

    /** A combined-format sink on a clock of the test's own. */
    static LogFileSink combined(LogFileSettings settings, Clock clock) throws IOException {
        return new LogFileSink(LogFile.open(settings, clock), new CommonLogFormat(true));
    }

    /** The record numbers in the file, in order; fails on any line that is not a whole one. */
    static List<Long> numbers(Path file) throws IOException {
        List<Long> numbers = new ArrayList<>();
        if (!Files.exists(file)) {
            return numbers;
        }
        String text = Files.readString(file, StandardCharsets.ISO_8859_1);
        assertTrue(text.isEmpty() || text.endsWith("\n"), file + " ends in a newline");
        for (String line : text.lines().toList()) {
            Matcher m = NUMBERED.matcher(line);
            assertTrue(m.matches(), file + ": not a whole line: " + line);
            numbers.add(Long.parseLong(m.group(1)));
        }
        return numbers;
    }

    /** The numbers of several files read one after the other. */
    static List<Long> numbers(List<Path> files) throws IOException {
        List<Long> all = new ArrayList<>();
        for (Path file : files) {
            all.addAll(numbers(file));
        }
        return all;
    }

    /** {@code from, from + 1, ..., to}. */
    static List<Long> range(long from, long to) {
        return Stream.iterate(from, n -> n <= to, n -> n + 1).toList();
    }
}
