package io.httpd.core.http1;

import io.httpd.core.event.Events;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.Pipe;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The waiting of plain connections ({@link PolledTransport}): one virtual thread on a
 * {@link Selector} reads whatever the readable connections have into their inboxes, then
 * unparks their threads together, and wakes a thread whose write waits for room. A connection
 * stays registered for reading from accept to close, so the common exchange (a request comes,
 * its thread answers with a write that fits the socket) changes no interest and needs no
 * wake-up: one {@code epoll_wait} serves every connection that became readable together, and
 * one {@code read} each. A virtual thread reading its socket itself (the JDK's own design)
 * fails a read, re-arms its one-shot registration and is woken by the JDK's poller before it
 * reads again: three system calls where this takes one.
 *
 * <p>A connection that rests between requests ({@link Inbox#rest}) has no thread: the poller
 * serves it on its own thread when the next request comes ({@link #endRound}), until it rests
 * again, with no park, unpark or thread switch (11–21 % more requests per core-second on the
 * 13-byte benchmark, measured side by side). Whatever must wait there (a read that finds the
 * inbox empty, a write that finds the socket full, a handler that may block) first has the
 * poller {@linkplain #handOver hand over}: a new thread takes the poller's work from the next
 * connection on, and the old one stays with the connection until it rests. Runs are numbered,
 * and a thread keeps the poller's work after a run only if no hand-over took it, so exactly one
 * thread polls at a time.
 *
 * <p>The poller is a virtual thread, on the carriers the connections run on: a select finds
 * the ready connections without blocking, and when there are none the JDK parks the poller
 * until the selector's own descriptor is readable. Under load a round of the poller, then the
 * connections it woke, then the next round, run on one carrier with no thread switch between
 * them; as a platform thread it measured five times the context switches on the 13-byte
 * benchmark (170,000 against 35,000 in 14 s; the engine notes, "Waiting for requests"). After
 * a round that woke connections it yields, so that they run before its next select, which does
 * not park: under load it finds their next requests there without a trip through the JDK's
 * poller (5–11 % more requests per core-second on the 13-byte benchmark, measured side by
 * side). Only a round that found nothing parks it.
 *
 * <p>Work that reaches the carriers from outside their own queues (every new virtual thread on
 * JDK 25, whoever starts it; a wake-up from a platform thread) waits while the queue a carrier
 * last took from refills, and the poller's own wake-ups refill one all the time under load. So
 * every connection's thread, plain or TLS, is started by a poller ({@link #startThread}), which
 * then {@linkplain #stepAside() steps aside} until those threads have run. Before, a new
 * connection's first response waited up to 7.3 s at 1,024 busy connections on one core; now at
 * most 137 ms (the engine notes, "New connections, and the poller stepping aside"). Every 10 ms
 * under load it also {@linkplain #stepOutside() steps outside}, behind the wake-ups that the
 * JDK's poller thread queued (TLS connections': one waited out a whole plain load before); the
 * carrier then also runs what the read deadlines' thread queued (a 408 waited for the load's end).
 *
 * <p>The pollers start with the first server ({@link #start()}) and stay for the life of the
 * process, as the JDK's own do.
 */
public final class Poller {
    private static final Logger LOG = LoggerFactory.getLogger(Poller.class);
    /** The most read from a connection in one go: its {@link Inbox} grows by at most this. */
    static final int READ_BYTES = 64 * 1024;
    /** How often the poller steps outside, under load: {@link #stepOutside()}. */
    private static final long STEP_OUTSIDE_NANOS = 10_000_000;
    private static final byte[] KNOCK = {1};
    private static volatile Poller[] all;
    private static final AtomicInteger NEXT = new AtomicInteger();

    private final Selector selector;
    private final String name;
    /** The threads of the connections read in this round: unparked together after it. */
    private final ArrayList<Thread> woken = new ArrayList<>();
    /** Connection threads to start, from other threads: started by the next round. */
    private final ConcurrentLinkedQueue<Runnable> starting = new ConcurrentLinkedQueue<>();
    /** Resting connections to serve, from other threads: served by the next round. */
    private final ConcurrentLinkedQueue<PolledTransport> soon = new ConcurrentLinkedQueue<>();
    /** The run that serves a connection on the poller's thread now; 0 when none. */
    private final AtomicLong serving = new AtomicLong();
    // the round, on the thread that has the poller's work (handed over with it)
    private final ArrayList<PolledTransport> toServe = new ArrayList<>();
    private int next;        // in toServe
    private long runs;       // runs numbered so far
    private boolean busy;    // the last round found work: the next select does not park
    private boolean wokeAny; // the last round unparked threads
    private boolean started; // the last round started threads
    private long steppedOutside = System.nanoTime();
    /** Set by the thread that ends a {@link #stepAside()}. */
    private volatile boolean resumed;
    /** What the poller waits on when it steps aside for outside work: {@link #stepOutside()}. */
    private final Pipe outside;
    private final ByteBuffer knock = ByteBuffer.allocate(1);
    private final SocketCalls.Receiving scratch = new SocketCalls.Receiving(READ_BYTES);

    private Poller(Selector selector, Pipe outside, String name) {
        this.selector = selector;
        this.outside = outside;
        this.name = name;
    }

    /**
     * Opens the pollers and starts their threads, once for the process: one per four
     * processors, at least one (one reads for many threads that parse and answer). Opened
     * before any connection is accepted, so that running out of descriptors later cannot leave
     * the server without them. The {@link SocketCalls} are linked a moment later.
     */
    public static synchronized void start() throws IOException {
        if (all != null) {
            return;
        }
        Poller[] pollers = new Poller[Math.max(1, Runtime.getRuntime().availableProcessors() / 4)];
        for (int i = 0; i < pollers.length; i++) {
            pollers[i] = new Poller(Selector.open(), Pipe.open(), "poller-" + i);
            Thread.ofVirtual().name(pollers[i].name).start(pollers[i]::run);
        }
        all = pollers;
        SocketCalls.linkSoon();
    }

    /** The poller for the next connection, in turn. */
    static Poller next() throws IOException {
        Poller[] pollers = all;
        if (pollers == null) {
            start();
            pollers = all;
        }
        return inTurn(pollers);
    }

    private static Poller inTurn(Poller[] pollers) {
        return pollers[Math.floorMod(NEXT.getAndIncrement(), pollers.length)];
    }

    /**
     * Starts a connection's virtual thread from the next poller's own thread (see the class
     * notes: so that it runs with the connections of that poller's round, not after them).
     */
    public static void startThread(Runnable connection) {
        Poller[] pollers = all;
        if (pollers == null) {
            throw new IllegalStateException("the pollers have not started");
        }
        Poller poller = inTurn(pollers);
        poller.starting.add(connection);
        poller.selector.wakeup();
    }

    /**
     * Makes the channel non-blocking and registers it, watched for nothing yet: the transport
     * keeps the key before the poller can see the transport ({@link #watch}).
     */
    SelectionKey register(SocketChannel channel) throws IOException {
        channel.configureBlocking(false);
        return channel.register(selector, 0);
    }

    /** Watches a registered channel for reading, for its transport. */
    void watch(SelectionKey key, PolledTransport transport) {
        key.attach(transport);
        key.interestOps(SelectionKey.OP_READ);
        selector.wakeup(); // the interest counts from the next select
    }

    /**
     * Makes a change of interest made by another thread, or a close, take effect now rather
     * than at the next event. At most one system call per round of the selector, however many
     * threads ask.
     */
    void wakeup() {
        selector.wakeup();
    }

    /**
     * Has the poller serve a resting connection (or a new one) on its thread in its next round;
     * from any thread.
     */
    void serveSoon(PolledTransport connection) {
        soon.add(connection);
        selector.wakeup();
    }

    /**
     * Called by the connection that the poller's thread serves, in that run, before it waits
     * (for bytes, for room, for a handler that may block): a new thread takes the poller's work
     * over, from the next connection to serve on, and this one stays with the connection until it
     * rests. Nothing happens when the run is not the poller's any more.
     */
    void handOver(long run) {
        if (serving.compareAndSet(run, 0)) {
            Thread.currentThread().setName("conn"); // a thread dump shows one poller-N, polling
            Thread.ofVirtual().name(name).start(this::run);
        }
    }

    /** The poller's work, on whichever thread has it: until it hands it over. */
    private void run() {
        while (true) {
            try {
                if (!endRound()) {
                    return; // another thread polls now; this one served its connection
                }
                round();
            } catch (IOException | RuntimeException e) {
                LOG.atError().setMessage(Events.SERVER_POLLER_FAIL).addKeyValue("poller", name)
                        .setCause(e).log();
            }
        }
    }

    /**
     * Selects, reads what the ready connections sent, starts the new threads and unparks the
     * threads that wait; the resting connections with something new are served by
     * {@link #endRound}.
     */
    private void round() throws IOException {
        if (busy) {
            selector.selectNow(this::ready);
        } else {
            selector.select(this::ready);
        }
        for (PolledTransport connection; (connection = soon.poll()) != null; ) {
            toServe.add(connection);
        }
        for (Runnable connection; (connection = starting.poll()) != null; ) {
            Thread.ofVirtual().name("conn").start(connection);
            started = true;
        }
        wokeAny = !woken.isEmpty();
        for (int i = 0; i < woken.size(); i++) {
            LockSupport.unpark(woken.get(i));
        }
        woken.clear();
        busy = wokeAny || !toServe.isEmpty();
    }

    /**
     * Serves the round's resting connections on this thread, each until it rests again or
     * ends, then lets other work run (see the class notes).
     *
     * @return false when this thread handed the poller's work over while it served
     */
    private boolean endRound() throws IOException {
        while (next < toServe.size()) {
            PolledTransport connection = toServe.get(next);
            toServe.set(next++, null);
            long run = ++runs;
            serving.set(run);
            try {
                connection.serve(this, run);
            } catch (RuntimeException | Error e) { // a bug: the connection ended, the poller goes on
                LOG.atError().setMessage(Events.SERVER_POLLER_FAIL).addKeyValue("poller", name)
                        .setCause(e).log();
            }
            if (!serving.compareAndSet(run, 0)) {
                return false;
            }
        }
        toServe.clear();
        next = 0;
        boolean stepped = started;
        if (started) {
            started = false;
            stepAside();
        }
        if (System.nanoTime() - steppedOutside > STEP_OUTSIDE_NANOS) {
            stepOutside();
            steppedOutside = System.nanoTime();
        } else if (wokeAny && !stepped) {
            Thread.yield();
        }
        return true;
    }

    /**
     * Waits until the threads this poller started have run (they queue outside the carriers'
     * own queues, however started). Parked in a select, the poller would be woken by the JDK's
     * poller into a queue the carrier returns to first, as long as it refills; parked here, it
     * is resumed by a thread started after those, in the same queue, so it runs after them. The
     * carrier also gets to look at its other outside queues meanwhile (a read deadline's
     * wake-up), though nothing measures how soon yet.
     */
    private void stepAside() {
        resumed = false;
        Thread poller = Thread.currentThread();
        Thread.ofVirtual().name(name + "-resume").start(() -> {
            resumed = true;
            LockSupport.unpark(poller);
        });
        while (!resumed) {
            LockSupport.park(this);
        }
    }

    /**
     * Waits until the work queued by the JDK's poller thread before now has run: the wake-ups
     * of TLS connections (their sockets block, so the JDK's poller wakes them) and of anything
     * else waiting on a socket or pipe of its own. Those queue outside the carriers' own queues,
     * in the queue of the JDK's poller thread; a carrier returns first to the queue it last took
     * from while that refills, and under load the poller's own resumption refills its queue all
     * the time, so a TLS connection waited out the whole load (3.3–10 s at 1,024 busy plain
     * connections). Here the poller blocks on a pipe of its own that a thread started after it
     * writes to; the JDK's poller then wakes it into that same queue, after the connections it
     * woke before.
     */
    private void stepOutside() throws IOException {
        Thread.ofVirtual().name(name + "-knock").start(() -> {
            try {
                outside.sink().write(ByteBuffer.wrap(KNOCK));
            } catch (IOException e) {
                LOG.atError().setMessage(Events.SERVER_POLLER_FAIL).addKeyValue("poller", name)
                        .setCause(e).log();
            }
        });
        knock.clear();
        while (outside.source().read(knock) == 0) {
            knock.clear(); // a blocking read returns a byte or fails
        }
    }

    private void ready(SelectionKey key) {
        if (!(key.attachment() instanceof PolledTransport transport)) {
            return; // not watched yet
        }
        try {
            int ops = key.readyOps();
            if ((ops & SelectionKey.OP_WRITE) != 0) {
                transport.writable();
            }
            if ((ops & SelectionKey.OP_READ) != 0) {
                Thread reader = transport.readable(scratch);
                if (reader == Inbox.RESTING) {
                    toServe.add(transport);
                } else if (reader != null) {
                    woken.add(reader);
                }
            }
        } catch (CancelledKeyException e) {
            // closed by its own thread meanwhile: nothing waits for it any more
        }
    }
}
