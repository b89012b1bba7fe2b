package io.httpd.core.http1;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A persistent connection waiting for its next request (RFC 9112 §9.3) holds neither its large
 * read buffer nor its write buffer (c10k memory), and loses no byte for it: over a real socket
 * on 127.0.0.1.
 */
class IdleConnectionBuffersTest {
    private static final int SIZE = 16 * 1024;
    @AutoClose
    private final SocketPair pair = SocketPair.open();
    private final Socket client = pair.client();
    private final PolledTransport server = pair.server();
    private final TrafficCounters counters = new TrafficCounters();

    @Test
    void readerWaitingForARequestHoldsNoBufferThenGetsTheBytes() throws Exception {
        WireReader in = new WireReader(server, SIZE, counters);
        in.gapLimit(Duration.ofSeconds(30));
        CompletableFuture<Boolean> filled = new CompletableFuture<>();
        Thread waiting = Thread.ofVirtual().start(() -> {
            try {
                filled.complete(in.fillIdle());
            } catch (Throwable e) {
                filled.completeExceptionally(e);
            }
        });
        awaitParked(waiting);
        assertFalse(in.holdsBuffer(), "an idle connection's read buffer is back in the pool");

        byte[] head = "GET / HTTP/1.1\r\nHost: a\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        client.getOutputStream().write(head);
        assertTrue(filled.get(10, TimeUnit.SECONDS));
        assertTrue(in.holdsBuffer());
        assertEquals(SIZE, in.buffer().length);
        assertArrayEquals(head, Arrays.copyOfRange(in.buffer(), in.position(), in.limit()));
    }

    @Test
    void aHeadLongerThanTheIdleArrayArrivesWhole() throws Exception {
        byte[] head = ("GET / HTTP/1.1\r\nHost: a\r\nX: " + "x".repeat(3000) + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        client.getOutputStream().write(head);
        WireReader in = new WireReader(server, SIZE, counters);
        in.gapLimit(Duration.ofSeconds(30));
        assertTrue(in.fillIdle());
        assertTrue(in.buffered() <= WireReader.IDLE_BYTES);
        while (in.buffered() < head.length) {
            assertTrue(in.fill());
        }
        assertArrayEquals(head, Arrays.copyOfRange(in.buffer(), in.position(), in.limit()));
    }

    @Test
    void writerReleasesItsBufferOnlyWhenNothingIsUnsent() throws Exception {
        WireWriter out = new WireWriter(server.output(), SIZE, counters);
        out.writeLatin1("abc");
        out.release();
        assertTrue(out.holdsBuffer(), "unsent bytes keep the buffer");
        out.flush();
        out.release();
        assertFalse(out.holdsBuffer(), "an idle connection's write buffer is back in the pool");
        out.writeLatin1("def");
        out.writeCrlf();
        out.flush();
        assertEquals("abcdef\r\n", new String(client.getInputStream().readNBytes(8),
                StandardCharsets.US_ASCII));
    }

    /** Until the thread waits in its read; a bounded wait, not a timing assumption. */
    private static void awaitParked(Thread thread) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (thread.getState() != Thread.State.WAITING && thread.getState() != Thread.State.TIMED_WAITING) {
            assertTrue(System.nanoTime() < until, "the reader never waited");
            Thread.sleep(5);
        }
    }
}
