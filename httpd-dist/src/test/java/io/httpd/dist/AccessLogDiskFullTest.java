package io.httpd.dist;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.httpd.plugin.accesslog.FileSinkProvider;
import io.httpd.plugin.echo.EchoProvider;
import io.httpd.testkit.Await;
import io.httpd.testkit.EmbeddedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The access log on a real disk that fills up and gets space back: a 64 KiB tmpfs (mounting
 * needs root, as .ci/run has; elsewhere the test is skipped and says why), the real server
 * in this process, requests over real sockets. While the disk is full every request is still
 * answered, the failure is logged once (not once per line) and the lost records are counted;
 * the sink holds no more than its bounded buffer meanwhile; when space comes back the next
 * records are written, whole lines in order, and the recovery is logged once.
 */
class AccessLogDiskFullTest {
    private static final Pattern LINE = Pattern.compile(
            "^127\\.0\\.0\\.1 - - \\[[^\\]]+\\] \"GET /echo\\?n=(\\d+) HTTP/1\\.1\" 200 \\d+ \"-\" \"[^\"]*\"$");

    @TempDir
    Path dir;
    private Path disk;
    private final ListAppender<ILoggingEvent> events = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Level levelBefore = root.getLevel();

    @BeforeEach
    void mountSmallDisk() throws Exception {
        disk = Files.createDirectory(dir.resolve("disk"));
        String failure = run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", disk.toString());
        assumeTrue(failure == null, () -> "cannot mount a 64 KiB tmpfs (needs root): " + failure);
        events.start();
        root.addAppender(events);
        root.setLevel(Level.INFO); // accesslog.recover is INFO
    }

    @AfterEach
    void unmount() throws Exception {
        root.detachAppender(events);
        root.setLevel(levelBefore);
        if (disk != null) {
            run("umount", "-l", disk.toString());
        }
    }

    @Test
    @Timeout(120)
    void aFullDiskLosesLinesNotRequestsAndLoggingResumesWhenSpaceComesBack() throws Exception {
        Path log = disk.resolve("access.log");
        try (EmbeddedServer server = EmbeddedServer.builder()
                .provider(new EchoProvider()).provider(new FileSinkProvider())
                .toml("""
                        [[route]]
                        path = "/echo"
                        handler = "echo"

                        [[access_log]]
                        sink = "file"
                        path = '%s'
                        """.formatted(log))
                .start()) {
            requests(server, 1, 1500); // about 110 bytes a line: 64 KiB hold some 600
            Await.until(() -> count("accesslog.fail") == 1, Duration.ofSeconds(30), "accesslog.fail");
            requests(server, 1501, 2000);
            Await.until(() -> server.view().counters().accessLogDrops() > 0, Duration.ofSeconds(30),
                    "drops counted");
            assertEquals(1, count("accesslog.fail"), "logged once, not per line: " + shown());
            assertTrue(Files.size(log) <= 64 * 1024);

            assertEquals(null, run("mount", "-o", "remount,size=1m", disk.toString()));
            requests(server, 2001, 2300);
            Await.until(() -> numbers(log).contains(2300L), Duration.ofSeconds(30), "line 2300 written");
            List<Long> written = numbers(log);
            assertEquals(written.subList(written.indexOf(2001L), written.size()),
                    java.util.stream.LongStream.rangeClosed(2001, 2300).boxed().toList(),
                    "every line after the space came back, in order");
            assertEquals(1, count("accesslog.fail"), shown());
            assertEquals(1, count("accesslog.recover"), shown());
            long drops = server.view().counters().accessLogDrops();
            assertEquals(2300, written.size() + drops, "each record written or counted as dropped");
        }
    }

    /** GET /echo?n=from ... n=to, one after the other; every one must be answered 200. */
    private static void requests(EmbeddedServer server, int from, int to) {
        for (int n = from; n <= to; n++) {
            assertEquals(200, server.get("/echo?n=" + n).status(), "request " + n);
        }
    }

    /** The numbers of the whole lines in the file, in order; a line cut short is skipped. */
    private static List<Long> numbers(Path log) {
        List<Long> numbers = new ArrayList<>();
        try {
            for (String line : Files.readString(log, StandardCharsets.ISO_8859_1).lines().toList()) {
                Matcher m = LINE.matcher(line);
                if (m.matches()) {
                    numbers.add(Long.parseLong(m.group(1)));
                }
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return numbers;
    }

    private long count(String event) {
        return events.list.stream().filter(e -> e.getFormattedMessage().startsWith(event)).count();
    }

    private String shown() {
        return events.list.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage() + " "
                + e.getKeyValuePairs()).reduce("", (a, b) -> a + "\n" + b);
    }

    /** Runs a command; null when it succeeded, else its exit code and output. */
    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int rc = p.waitFor();
        return rc == 0 ? null : "exit " + rc + ": " + output.strip();
    }
}
