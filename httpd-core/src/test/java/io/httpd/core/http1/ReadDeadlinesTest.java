package io.httpd.core.http1;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Read timeouts of plain connections without a timer per read (the engine notes, "Deadlines"):
 * the socket's own timeout stays 0, one shared thread ends the reads whose deadline passed,
 * never one whose deadline has not, and the connection can still answer (a 408) after.
 */
class ReadDeadlinesTest {
    @AutoClose
    private final SocketPair pair = SocketPair.open();
    private final Socket client = pair.client();
    private final SocketChannel accepted = pair.accepted();
    private final PolledTransport server = pair.server();

    @Test
    void aTimedReadArmsNoSocketTimeout() throws IOException {
        server.readTimeout(500);
        client.getOutputStream().write('x');
        assertEquals('x', server.input().read());
        assertEquals(0, accepted.socket().getSoTimeout(), "the JDK would arm a timer per read");
    }

    @Test
    void aReadPastItsDeadlineTimesOutAndTheConnectionCanStillAnswer() throws IOException {
        server.readTimeout(200);
        long start = System.nanoTime();
        InputStream in = server.input();
        assertThrows(SocketTimeoutException.class, () -> in.read(new byte[16], 0, 16));
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(tookMillis >= 200, "ended before its deadline: " + tookMillis + " ms");
        server.output().write("408\r\n".getBytes());
        server.output().flush();
        byte[] got = client.getInputStream().readNBytes(5);
        assertEquals("408\r\n", new String(got));
    }

    @Test
    void bytesBeforeTheDeadlineAreRead() throws IOException {
        server.readTimeout(60_000);
        client.getOutputStream().write("GET".getBytes());
        byte[] buf = new byte[3];
        assertEquals(3, server.input().readNBytes(buf, 0, 3));
        assertEquals(0, server.inbox().deadline(), "no read waits, so nothing to end");
    }

    @Test
    void theSweepEndsOnlyReadsWhoseDeadlinePassed() {
        List<Long> ended = new ArrayList<>();
        ReadDeadlines deadlines = new ReadDeadlines();
        deadlines.watch(watched(1_000, ended));
        deadlines.watch(watched(2_000, ended));
        deadlines.watch(watched(0, ended)); // no read waits
        deadlines.sweep(999);
        assertEquals(List.of(), ended);
        deadlines.sweep(1_000);
        assertEquals(List.of(1_000L), ended);
        deadlines.sweep(5_000);
        assertEquals(List.of(1_000L, 1_000L, 2_000L), ended.stream().sorted().toList());
    }

    @Test
    void aClosedConnectionIsNoLongerWatched() throws IOException {
        ReadDeadlines shared = ReadDeadlines.SHARED;
        int before = shared.watching();
        server.close();
        assertEquals(before - 1, shared.watching());
    }

    private static ReadDeadlines.Watched watched(long deadline, List<Long> ended) {
        return new ReadDeadlines.Watched() {
            @Override
            public long deadline() {
                return deadline;
            }

            @Override
            public void expire(long at) {
                ended.add(at);
            }
        };
    }
}
