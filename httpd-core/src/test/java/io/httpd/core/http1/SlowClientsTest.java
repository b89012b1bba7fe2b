package io.httpd.core.http1;

import io.httpd.api.Response;
import io.httpd.api.Status;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.httpd.core.http1.TestContext.CLOSE;
import static io.httpd.core.http1.TestContext.error;
import static io.httpd.core.http1.TestContext.normalize;
import static io.httpd.core.http1.TestContext.route;
import static io.httpd.core.http1.TestContext.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Slowloris against header_timeout, over real sockets on 127.0.0.1: 1,000 connections trickle a
 * head one byte every 200 ms, driven by two selector threads (not a thread each). Meanwhile a
 * normal client, on a new connection each time, completes its exchange within 2 s throughout (a
 * bound that detects starvation, not a benchmark). Each trickler gets exactly a 408 with
 * Connection: close and then the end of the stream, no earlier than its header deadline (which
 * runs from the accept: each sends its first byte as soon as it is connected); each is
 * one access record. Afterwards the process holds no more descriptors than before. When ulimit -n
 * can't hold both ends of 1,000 sockets, fewer are used and the test says so.
 */
class SlowClientsTest {
    static final int WANTED = 1000;
    static final Duration HEADER_TIMEOUT = Duration.ofSeconds(1);
    static final long TICK_MILLIS = 200;
    static final Duration PROMPT = Duration.ofSeconds(2);
    /** A head that can't be complete before its deadline at one byte a tick. */
    static final byte[] HEAD = ("GET /slow HTTP/1.1\r\nHost: a\r\nX-Slow: " + "s".repeat(200))
            .getBytes(StandardCharsets.ISO_8859_1);
    static final String TIMED_OUT = error(408, Violation.HEAD_TIMEOUT.reason, CLOSE);
    static final String HI = text("HTTP/1.1 200 OK", "", "hi");

    private final TestContext t = new TestContext(
            TestContext.timeouts(HEADER_TIMEOUT, Duration.ofSeconds(30), Duration.ofSeconds(30)),
            route("/", r -> Response.text(Status.OK, "hi")));

    @Test
    void tricklersGet408AndStarveNoOne() throws Exception {
        assumeTrue(OpenFiles.countable(), "counting descriptors needs /proc/self/fd");
        int count = connections();
        int baseline = OpenFiles.count();
        List<Trickle> trickles = new ArrayList<>();
        try (TestServer server = TestServer.start(t.ctx)) {
            CountDownLatch firstTick = new CountDownLatch(2);
            for (int i = 0; i < 2; i++) {
                trickles.add(new Trickle(server.address(), count / 2 + (i == 0 ? count % 2 : 0), firstTick));
            }
            awaitOpenConnections(count);
            List<Thread> threads = trickles.stream().map(tr -> Thread.ofPlatform().name("trickle").start(tr)).toList();
            assertTrue(firstTick.await(5, TimeUnit.SECONDS), "no first tick");
            int exchanges = 0;
            while (threads.stream().anyMatch(Thread::isAlive)) {
                normalExchange(server);
                exchanges++;
                Thread.sleep(50); // pacing, not an assertion
            }
            assertTrue(exchanges >= 3, "only " + exchanges + " normal exchanges while trickling");
        } finally {
            trickles.forEach(Trickle::closeAll);
        }
        Map<String, Integer> outcomes = new TreeMap<>();
        for (Trickle tr : trickles) {
            tr.slow.forEach(s -> outcomes.merge(s.outcome(), 1, Integer::sum));
        }
        assertEquals(Map.of("408 then closed", count), outcomes);
        assertEquals(count, t.records().stream().filter(r -> r.status() == 408).count());
        OpenFiles.awaitAtMost(baseline, 16);
    }

    private void normalExchange(TestServer server) throws IOException {
        long start = System.nanoTime();
        try (RawClient client = server.connect()) {
            assertEquals(HI, normalize(client.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n").readResponse()));
        }
        long took = System.nanoTime() - start;
        assertTrue(took < PROMPT.toNanos(), "a normal exchange took " + took / 1_000_000 + " ms");
    }

    private void awaitOpenConnections(int count) throws InterruptedException {
        // the first may have had their 408
        Await.until(() -> t.counters.snapshot().connectionsTotal() >= count, Duration.ofSeconds(10),
                () -> t.counters.snapshot().connectionsTotal() + " of " + count + " accepted");
    }

    /** WANTED, or as many as ulimit -n allows for both ends plus room for the rest. */
    private static int connections() {
        long limit = OpenFiles.limit();
        long room = (limit - 256) / 2;
        if (room >= WANTED) {
            return WANTED;
        }
        int scaled = (int) Math.max(10, room);
        System.out.printf("SlowClientsTest: ulimit -n is %d, too low for %d connections and the "
                + "server's ends of them; using %d%n", limit, WANTED, scaled);
        return scaled;
    }

    /** One slow client: what it sent, what it received, when. */
    static final class Slow {
        final SocketChannel channel;
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        final long opened;
        int sent;
        long ended = -1;
        String failure;

        /** @param opened System.nanoTime() before connecting: the server cannot accept earlier */
        Slow(SocketChannel channel, long opened) {
            this.channel = channel;
            this.opened = opened;
        }

        void tick() {
            if (ended >= 0 || sent == HEAD.length) {
                return;
            }
            try {
                sent += channel.write(ByteBuffer.wrap(HEAD, sent, 1));
            } catch (IOException e) {
                failure = "write: " + e.getMessage();
            }
        }

        /** Reads what arrived; true once the server ended the stream (or reset it). */
        boolean read(ByteBuffer buf) {
            try {
                buf.clear();
                int n = channel.read(buf);
                if (n >= 0) {
                    received.write(buf.array(), 0, n);
                    return false;
                }
            } catch (IOException e) {
                failure = "read: " + e.getMessage();
            }
            ended = System.nanoTime();
            close();
            return true;
        }

        String outcome() {
            String got = normalize(received.toString(StandardCharsets.ISO_8859_1));
            if (failure != null || ended < 0 || !got.equals(TIMED_OUT)) {
                return "failure " + failure + ", ended " + (ended >= 0) + ", received " + got;
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(ended - opened);
            return millis >= HEADER_TIMEOUT.toMillis() ? "408 then closed" : "408 after only " + millis + " ms";
        }

        void close() {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing is all that is left to do
            }
        }
    }

    /** A thread's share of the slow clients: a byte to each every tick, reads until each ends. */
    static final class Trickle implements Runnable {
        final List<Slow> slow = new ArrayList<>();
        private final Selector selector;
        private final CountDownLatch firstTick;

        Trickle(InetSocketAddress server, int count, CountDownLatch firstTick) throws IOException {
            this.selector = Selector.open();
            this.firstTick = firstTick;
            for (int i = 0; i < count; i++) {
                long opened = System.nanoTime();
                SocketChannel ch = SocketChannel.open(server);
                ch.configureBlocking(false);
                Slow s = new Slow(ch, opened);
                s.tick(); // the first byte at once: else header_timeout would close it silently
                ch.register(selector, SelectionKey.OP_READ, s);
                slow.add(s);
            }
        }

        @Override
        public void run() {
            ByteBuffer buf = ByteBuffer.allocate(4096);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            long nextTick = System.nanoTime();
            int open = slow.size();
            int ticks = 0;
            try {
                while (open > 0 && System.nanoTime() < deadline) {
                    if (System.nanoTime() >= nextTick) {
                        slow.forEach(Slow::tick);
                        if (ticks++ == 0) {
                            firstTick.countDown();
                        }
                        nextTick += TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS);
                    }
                    selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(nextTick - System.nanoTime())));
                    for (SelectionKey key : selector.selectedKeys()) {
                        open -= ((Slow) key.attachment()).read(buf) ? 1 : 0;
                    }
                    selector.selectedKeys().clear();
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        void closeAll() {
            slow.forEach(Slow::close);
            try {
                selector.close();
            } catch (IOException ignored) {
                // closing is all that is left to do
            }
        }
    }
}
