package io.httpd.core.http1;

import io.httpd.core.config.Limits;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * limits.send_timeout over real sockets, on each write path (sendfile, buffered, chunked): a
 * client that reads nothing of a 16 MiB response is disconnected once the server has waited
 * that long for it to accept a byte; a client that reads slowly but steadily gets all of it.
 */
class SendTimeoutTest {
    static final Duration SEND_TIMEOUT = Duration.ofMillis(300);

    @TempDir
    Path dir;

    private TestContext context() throws Exception {
        return LargeResponses.context(dir, Limits.defaults().withSendTimeout(SEND_TIMEOUT));
    }

    @ParameterizedTest
    @EnumSource(LargeResponses.class)
    void aClientThatReadsNothingIsDisconnected(LargeResponses kind) throws Exception {
        TestContext t = context();
        try (TestServer server = TestServer.start(t.ctx); Socket client = kind.request(server.address())) {
            Await.until(() -> t.counters.snapshot().connectionsTotal() == 1
                    && t.counters.snapshot().connectionsOpen() == 0, Duration.ofSeconds(5),
                    () -> "closed after the client stopped reading: " + t.counters.snapshot());
            long received = 0;
            InputStream in = client.getInputStream();
            byte[] buf = new byte[65536];
            try {
                for (int n; (n = in.read(buf)) >= 0; received += n) {
                    // until the end the server's close put after what it had sent
                }
            } catch (java.io.IOException e) {
                throw new AssertionError("after " + received + " bytes", e);
            }
            assertTrue(received < LargeResponses.SIZE, "the whole response arrived: " + received);
        }
    }

    @ParameterizedTest
    @EnumSource(LargeResponses.class)
    void aSlowSteadyReaderGetsEverything(LargeResponses kind) throws Exception {
        TestContext t = context();
        try (TestServer server = TestServer.start(t.ctx); Socket client = kind.request(server.address())) {
            InputStream in = client.getInputStream();
            byte[] buf = new byte[256 * 1024];
            long total = 0; // head included: the last read must not wait for more
            while (total < LargeResponses.SIZE) {
                int n = in.read(buf);
                if (n < 0) {
                    break;
                }
                total += n;
                Thread.sleep(n < buf.length ? 0 : 20); // about 10 MB/s, pausing 20 ms at a time
            }
            assertTrue(total >= LargeResponses.SIZE, "cut after " + total + " bytes");
        }
    }
}
