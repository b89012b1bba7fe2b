package io.httpd.core.http1;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A plain connection whose waiting a {@link Poller} does (the engine notes, "Waiting for
 * requests"), over a real socket on 127.0.0.1: bytes reach a thread that waits and one that
 * comes later, in order and whole; the end of the stream and a reset are reported after the
 * bytes before them; a sender faster than its reader is held back by TCP; a write to a peer
 * that does not read waits, says since when, and completes when the peer reads; a close wakes
 * a thread that waits either way. Each test runs with the system calls of {@link SocketCalls}
 * (as the server runs) and through the JDK's channel alone (as without bin/httpd's options).
 */
@ParameterizedClass(name = "system calls {0}")
@ValueSource(booleans = {true, false})
class PolledTransportTest {
    private static final int MIB = 1024 * 1024;
    // more than loopback's socket buffers hold at both ends, so a peer that does not read
    // makes the sender wait: 32 MiB
    @AutoClose
    private final SocketPair pair;
    private final Socket client;
    private final PolledTransport server;
    private final boolean systemCalls;

    PolledTransportTest(boolean systemCalls) {
        this.systemCalls = systemCalls;
        pair = SocketPair.open(systemCalls);
        client = pair.client();
        server = pair.server();
    }

    @TempDir
    Path dir;

    @Test
    void bytesSentBeforeAnyReadWaitInTheInbox() throws IOException {
        client.getOutputStream().write("GET / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals("GET / HTTP/1.1\r\n", new String(server.input().readNBytes(16),
                StandardCharsets.US_ASCII));
    }

    @Test
    void aThreadWaitingForBytesGetsThemWhenTheyCome() throws Exception {
        CompletableFuture<String> got = new CompletableFuture<>();
        Thread reader = Thread.ofVirtual().start(() -> complete(got,
                () -> new String(server.input().readNBytes(3), StandardCharsets.US_ASCII)));
        awaitParked(reader);
        client.getOutputStream().write("abc".getBytes(StandardCharsets.US_ASCII));
        assertEquals("abc", got.get(10, TimeUnit.SECONDS));
    }

    @Test
    void theEndOfTheStreamComesAfterTheBytesBeforeIt() throws IOException {
        client.getOutputStream().write("ab".getBytes(StandardCharsets.US_ASCII));
        client.shutdownOutput();
        InputStream in = server.input();
        assertEquals('a', in.read());
        assertEquals('b', in.read());
        assertEquals(-1, in.read());
        assertEquals(-1, in.read(new byte[4], 0, 4), "the end stays the end");
    }

    @Test
    void aResetIsReportedAsAnIoError() throws Exception {
        client.setSoLinger(true, 0); // close sends RST
        client.close();
        IOException e = assertThrows(IOException.class, () -> {
            while (server.input().read() >= 0) {
                // until the reset shows
            }
            throw new IOException("ended cleanly, no reset seen");
        });
        assertNotEquals("ended cleanly, no reset seen", e.getMessage());
    }

    @Test
    void aSenderFasterThanItsReaderIsHeldBackAndLosesNoByte() throws Exception {
        byte[] sent = random(32 * MIB);
        CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
            try {
                client.getOutputStream().write(sent);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        // the reader has not read a byte: the poller stops at the read-ahead, TCP holds the rest
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (server.input().available() < Inbox.READ_AHEAD && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        Thread.sleep(200); // more time for a poller that would read past its limit
        int held = server.input().available();
        assertTrue(held >= Inbox.READ_AHEAD, "read ahead: " + held);
        assertTrue(held < Inbox.READ_AHEAD + Poller.READ_BYTES, "read past its limit: " + held);
        assertFalse(sending.isDone(), "32 MiB cannot all be in flight");
        assertArrayEquals(sent, server.input().readNBytes(sent.length));
        sending.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aWriteToAPeerThatDoesNotReadWaitsSaysSinceWhenAndEndsWhenItReads() throws Exception {
        byte[] sent = random(32 * MIB);
        CompletableFuture<Void> writing = new CompletableFuture<>();
        Thread writer = Thread.ofVirtual().start(() -> complete(writing, () -> {
            server.output().write(sent);
            return null;
        }));
        awaitParked(writer);
        assertNotEquals(0, server.sendingSince(), "a waiting write says since when");
        assertArrayEquals(sent, client.getInputStream().readNBytes(sent.length));
        writing.get(10, TimeUnit.SECONDS);
        assertEquals(0, server.sendingSince());
    }

    @Test
    void aFileRegionReachesAPeerThatReadsLate() throws Exception {
        byte[] content = random(4 * MIB);
        Path file = Files.write(dir.resolve("f.bin"), content);
        CompletableFuture<Boolean> sending = new CompletableFuture<>();
        try (FileChannel channel = FileChannel.open(file)) {
            Thread sender = Thread.ofVirtual().start(() -> complete(sending,
                    () -> server.transferFile(channel, 100, content.length - 200L)));
            awaitParked(sender);
            byte[] got = client.getInputStream().readNBytes(content.length - 200);
            assertTrue(sending.get(10, TimeUnit.SECONDS));
            assertArrayEquals(java.util.Arrays.copyOfRange(content, 100, content.length - 100), got);
            assertEquals(content.length - 200L, server.fileBytesSent());
        }
    }

    @Test
    void theServerSendsHeadsWithMsgMoreInTheseTests() {
        // the surefire argLine gives what bin/httpd gives: a missing option shows here
        assertTrue(SocketCalls.link(), "--add-opens java.base/sun.nio.ch=io.httpd.core"
                + " --enable-native-access=io.httpd.core");
    }

    /** A head held for the file that follows it leaves with it: nginx's TCP_CORK. */
    @Test
    void aHeadBeforeAFileIsHeldUntilTheFileGoes() throws Exception {
        byte[] content = random(64 * 1024);
        Path file = Files.write(dir.resolve("f.bin"), content);
        byte[] head = "HTTP/1.1 200 OK\r\nContent-Length: 65536\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII);
        long start = System.nanoTime();
        server.fileFollows();
        server.output().write(head);
        if (systemCalls) {
            // held, Linux sends it anyway after a probe timer's 200 ms: a head that went out at
            // once would come well before; a slow test thread can only make this later
            assertArrayEquals(head, client.getInputStream().readNBytes(head.length));
            long heldMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(heldMillis >= 100, "held for " + heldMillis + " ms");
        }
        try (FileChannel channel = FileChannel.open(file)) {
            assertTrue(server.transferFile(channel, 0, content.length));
        }
        if (!systemCalls) { // the channel sent it at once
            assertArrayEquals(head, client.getInputStream().readNBytes(head.length));
        }
        assertArrayEquals(content, client.getInputStream().readNBytes(content.length));
        // and with the file at once, head and file come together
        server.fileFollows();
        server.output().write(head);
        try (FileChannel channel = FileChannel.open(file)) {
            assertTrue(server.transferFile(channel, 0, content.length));
        }
        assertArrayEquals(head, client.getInputStream().readNBytes(head.length));
        assertArrayEquals(content, client.getInputStream().readNBytes(content.length));
    }

    @Test
    void aHeldHeadStillGoesWhenTheConnectionClosesInstead() throws Exception {
        byte[] head = "HTTP/1.1 200 OK\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        server.fileFollows();
        server.output().write(head);
        server.close();
        assertArrayEquals(head, client.getInputStream().readAllBytes());
    }

    @Test
    void aFileWithNoHeadBeforeItDoesNotHoldTheNextWrite() throws Exception {
        Path file = Files.write(dir.resolve("f.bin"), random(100));
        server.fileFollows();
        try (FileChannel channel = FileChannel.open(file)) {
            assertTrue(server.transferFile(channel, 0, 100));
        }
        server.output().write('x');
        assertEquals('x', client.getInputStream().readNBytes(101)[100]);
    }

    @Test
    void aHeadForAClosedConnectionFailsAsAnyWrite() throws IOException {
        server.close();
        server.fileFollows();
        assertThrows(IOException.class, () -> server.output().write(new byte[] {'H'}));
    }

    @Test
    void aCloseWakesAThreadWaitingToRead() throws Exception {
        CompletableFuture<Integer> read = new CompletableFuture<>();
        Thread reader = Thread.ofVirtual().start(() -> complete(read, () -> server.input().read()));
        awaitParked(reader);
        server.close();
        Throwable e = assertThrows(java.util.concurrent.ExecutionException.class,
                () -> read.get(10, TimeUnit.SECONDS)).getCause();
        assertInstanceOf(IOException.class, e);
    }

    @Test
    void aCloseWakesAThreadWaitingToWrite() throws Exception {
        CompletableFuture<Void> writing = new CompletableFuture<>();
        Thread writer = Thread.ofVirtual().start(() -> complete(writing, () -> {
            server.output().write(random(32 * MIB));
            return null;
        }));
        awaitParked(writer);
        server.close();
        Throwable e = assertThrows(java.util.concurrent.ExecutionException.class,
                () -> writing.get(10, TimeUnit.SECONDS)).getCause();
        assertInstanceOf(IOException.class, e);
        assertEquals(-1, readToEnd(client.getInputStream()), "the peer sees the connection end");
    }

    /** Reads until the end of the stream; returns the last read's -1. */
    private static int readToEnd(InputStream in) throws IOException {
        byte[] buf = new byte[64 * 1024];
        int n;
        while ((n = in.read(buf)) >= 0) {
            // discarded
        }
        return n;
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private interface Step<T> {
        T run() throws Exception;
    }

    private static <T> void complete(CompletableFuture<T> future, Step<T> step) {
        try {
            future.complete(step.run());
        } catch (Throwable e) {
            future.completeExceptionally(e);
        }
    }

    /** Until the thread waits; a bounded wait, not a timing assumption. */
    private static void awaitParked(Thread thread) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (thread.getState() != Thread.State.WAITING) {
            assertTrue(System.nanoTime() < until, "the thread never waited");
            Thread.sleep(5);
        }
    }
}
