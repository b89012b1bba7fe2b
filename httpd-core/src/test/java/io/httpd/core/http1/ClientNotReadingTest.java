package io.httpd.core.http1;

import io.httpd.core.config.Limits;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.httpd.core.http1.TestContext.normalize;
import static io.httpd.core.http1.TestContext.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Clients that ask for 16 MiB and then read nothing (a 64 KiB receive buffer), over real
 * sockets: while they wait, the server spends no CPU on them, whatever the write path
 * (sendfile, buffered, chunked), and answers other clients. The CPU is the whole test JVM's,
 * from /proc/self/stat: a write that retried without waiting would take a core per client.
 */
class ClientNotReadingTest {
    static final int STALLED = 2;
    static final long MEASURE_MILLIS = 1500;
    /** Far above an idle JVM, far below one spinning thread. */
    static final double MAX_CORES = 0.2;

    @ParameterizedTest
    @EnumSource(LargeResponses.class)
    void stalledClientsCostNoCpuAndOthersAreServed(LargeResponses kind, @TempDir Path dir) throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/stat")), "CPU time from /proc/self/stat");
        TestContext t = LargeResponses.context(dir, Limits.defaults());
        List<Socket> stalled = new ArrayList<>();
        try (TestServer server = TestServer.start(t.ctx)) {
            smallExchange(server); // the request path is loaded and compiled before measuring
            for (int i = 0; i < STALLED; i++) {
                stalled.add(kind.request(server.address()));
            }
            Thread.sleep(500); // the server fills the socket buffers, then must wait
            long before = cpuTicks();
            Thread.sleep(MEASURE_MILLIS);
            double cores = (cpuTicks() - before) / (double) ticksPerSecond() / (MEASURE_MILLIS / 1000.0);
            assertTrue(cores < MAX_CORES, String.format("%.2f cores busy while %d clients read nothing",
                    cores, STALLED));
            smallExchange(server);
        } finally {
            for (Socket s : stalled) {
                s.close();
            }
        }
    }

    private static void smallExchange(TestServer server) throws IOException {
        try (RawClient client = server.connect()) {
            assertEquals(text("HTTP/1.1 200 OK", "", "hi"),
                    normalize(client.send("GET /small HTTP/1.1\r\nHost: a\r\n\r\n").readResponse()));
        }
    }

    /** User plus system time of this process, in clock ticks (fields 14 and 15 of stat). */
    static long cpuTicks() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** USER_HZ: 100 on every Linux the JDK runs on. */
    static long ticksPerSecond() {
        return 100;
    }
}
