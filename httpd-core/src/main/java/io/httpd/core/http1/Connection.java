package io.httpd.core.http1;

import io.httpd.api.ConnectionInfo;
import io.httpd.api.Status;
import io.httpd.core.config.Limits;
import io.httpd.core.event.Events;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * The request loop of one connection ({@link #serve}), on one thread at a time: its own
 * virtual thread (TLS, PROXY), or, for a plain connection, its poller's thread while nothing
 * waits and the thread the poller hands over to when something must. A plain connection rests
 * between requests with no thread ({@link Transport#rest}); whatever ends the rest has its
 * poller serve it again. Its fields pass between those threads through the inbox's monitor or
 * the poller's queue, each a happens-before edge.
 *
 * <pre>
 *   ┌─► wait for the first byte: of the first request, within header_timeout from accept;
 *   │     of a later one, idle_timeout (nothing is sent if either passes)
 *   │     read the head (header_timeout for all of it; 408, 414, 431, 400 ... and close)
 *   │     check it (HeadRules: version, target, Host, framing, Expect)
 *   │     Exchange: validators ─► route ─► handler ─► write ─► access record
 *   └──── persist? (keep-alive, nothing left unread, server not stopping)  else close
 * </pre>
 *
 * Responses to pipelined requests are written in order; output is flushed before any read
 * that may block. A protocol error is caught here or in {@link Exchange}, in one place each,
 * and answered; only a broken connection ends the loop without a response. Other threads may
 * close it: a graceful stop, {@code server.SendTimeout}, and the accept loop closing the longest idle
 * keep-alive connection to admit a new one at the connection cap.
 */
public final class Connection implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Connection.class);
    private static final int IDLE = 0;
    private static final int BUSY = 1;
    private static final int CLOSED = 2;
    /** How long a closing connection still reads what the client sends (RFC 9112 §9.6). */
    private static final Duration LINGER = Duration.ofSeconds(2);
    /** What {@link #loop} returns when the connection rests: not an end (compared by identity). */
    private static final String RESTS = new String("rests");

    private final Transport transport;
    private final Generations generations;
    private final TrafficCounters counters; // one for all generations
    private Http1Context ctx; // of the exchange that runs; null between exchanges
    private Limits parsedFor; // the limits and name the parser and writer were made for
    private String namedFor;
    private WireReader in;  // made by the first serve
    private WireWriter out;
    private Runnable done = () -> { };
    private RequestParser parser;
    private RequestParser.RawHead checkedRaw; // the last head HeadRules passed, and its result
    private RequestHead checked;
    private ResponseWriter writer;
    private ConnectionInfo info; // known once the transport's input is open (TLS, PROXY)
    private final BooleanSupplier stopping;
    private final AtomicInteger state = new AtomicInteger(IDLE);
    private int requests;
    /** When it became idle between requests, System.nanoTime(); 0 while not. */
    private volatile long keptAliveSince;
    /** Why another thread closed it, or null. */
    private volatile String closedBecause;

    /**
     * @param transport   the connection's bytes
     * @param generations where each exchange takes its context (what all connections share)
     * @param stopping    true once the server drains: finish the current exchange, then close
     */
    public Connection(Transport transport, Generations generations, BooleanSupplier stopping) {
        this.transport = transport;
        this.generations = generations;
        this.counters = generations.current().counters();
        this.stopping = stopping;
    }

    /** Serves it on the calling thread for its whole life, or until it first rests. */
    @Override
    public void run() {
        serve();
    }

    /**
     * Serves requests on the calling thread until the connection rests between two of them or
     * ends. A connection rests only where its transport can wake it ({@link Transport#rest}):
     * a polled one then has no thread until its poller serves it again, here. So this runs on
     * one thread at a time, but not always the same.
     */
    public void serve() {
        String reason;
        try {
            if (in == null) {
                open();
            }
            reason = loop();
            if (reason == RESTS) {
                return; // another thread may serve it from now on: nothing more is touched here
            }
        } catch (IOException e) {
            reason = closedBecause != null ? closedBecause : "i/o: " + e.getMessage();
        } catch (RuntimeException | Error e) {
            finish("failure: " + e);
            throw e;
        }
        finish(reason);
    }

    /** What to run once the connection has ended; set before it is served. */
    public void whenDone(Runnable done) {
        this.done = done;
    }

    private void open() throws IOException {
        counters.connectionOpened();
        LOG.atDebug().setMessage(Events.CONN_ACCEPT).addKeyValue("remote", transport.remote()).log();
        in = new WireReader(transport, WireReader.sizeFor(generations.current().limits()), counters);
        out = new WireWriter(transport.output(), 16 * 1024, counters);
        in.flushBeforeBlocking(out);
    }

    private void finish(String reason) {
        try {
            if (out != null) {
                flushQuietly(out);
                out.release();
            }
            if (in != null) {
                in.release();
            }
        } finally {
            state.set(CLOSED);
            closeQuietly();
            counters.connectionClosed();
            LOG.atDebug().setMessage(Events.CONN_CLOSE).addKeyValue("remote", transport.remote())
                    .addKeyValue("requests", requests).addKeyValue("reason", reason).log();
            done.run();
        }
    }

    /**
     * Closes the connection if it is waiting for a request, for a graceful stop.
     *
     * @return whether it was idle and is now closed
     */
    public boolean closeIfIdle() {
        return closeIfIdle("server stop");
    }

    private boolean closeIfIdle(String why) {
        if (state.compareAndSet(IDLE, CLOSED)) {
            closedBecause = why;
            closeQuietly();
            return true;
        }
        return false;
    }

    /**
     * Since when it has waited for a request after answering one (System.nanoTime()), or 0 when
     * it is not an idle keep-alive connection.
     */
    public long keptAliveSince() {
        return keptAliveSince;
    }

    /**
     * Closes it if it is still an idle keep-alive connection: a client may close such a
     * connection at any time and retries on a new one (RFC 9112 §9.3.1, §9.6).
     */
    public boolean closeKeptAlive() {
        return keptAliveSince != 0 && closeIfIdle("connection cap");
    }

    /**
     * Closes it if a write has waited longer than the timeout for the peer to accept bytes.
     *
     * @param now System.nanoTime()
     * @return whether it was closed
     */
    public boolean closeIfSendStalled(long now, long timeoutNanos) {
        long since = transport.sendingSince();
        if (since == 0 || now - since < timeoutNanos) {
            return false;
        }
        closedBecause = "send timeout";
        counters.rejected(TrafficCounters.SEND_TIMEOUT);
        abort();
        return true;
    }

    /** Closes the connection whatever it is doing: the end of a stop's grace period. */
    public void abort() {
        state.set(CLOSED);
        closeQuietly();
    }

    /** Serves requests until the connection rests ({@link #RESTS}) or ends (why). */
    private String loop() throws IOException {
        while (true) {
            String stop = awaitRequest(in, out, generations.current().limits());
            if (stop != null) {
                return stop;
            }
            if (!exchange(in, out)) {
                flushQuietly(out);
                in.linger(LINGER);
                return "closed after response";
            }
            requests++;
            if (in.buffered() > 0) {
                continue; // a pipelined request is here: busy still, its answers batched
            }
            out.flush(); // before it counts as idle: a stop closing idle ones loses nothing
            keptAliveSince = System.nanoTime();
            if (!state.compareAndSet(BUSY, IDLE)) {
                return closedOr("server stop");
            }
        }
    }

    /**
     * Waits for the first byte of the next request and starts the head's deadline; returns why
     * not, or null when it came. The first request's head, first byte included, must arrive
     * within header_timeout of the accept: a connection that never sends a byte is held no
     * longer than one that sends its head too slowly. While it waits it holds no large buffer
     * (see {@link WireReader#fillIdle()}): thousands of idle keep-alive connections stay small.
     */
    private String awaitRequest(WireReader in, WireWriter out, Limits limits) throws IOException {
        if (stopping.getAsBoolean()) {
            return "server stop";
        }
        boolean first = requests == 0;
        if (first) {
            in.deadlineIn(limits.headerTimeout());
        } else {
            in.gapLimit(limits.idleTimeout());
        }
        if (in.buffered() == 0) {
            try {
                out.flush();
                out.release();
                if (in.rest()) {
                    return RESTS;
                }
                if (!in.fillIdle()) {
                    return "client closed";
                }
            } catch (SocketTimeoutException e) {
                if (first) {
                    counters.rejected(TrafficCounters.HEADER_TIMEOUT);
                }
                return first ? "header timeout before a byte" : "idle timeout";
            } catch (IOException e) {
                return closedOr("i/o: " + e.getMessage());
            }
        }
        if (!first) {
            in.deadlineIn(limits.headerTimeout());
        }
        keptAliveSince = 0;
        return state.get() == BUSY || state.compareAndSet(IDLE, BUSY) ? null
                : closedOr("server stop");
    }

    private String closedOr(String why) {
        String because = closedBecause;
        return because != null ? because : why;
    }

    /** One exchange on one generation, held to its end; nothing of it is kept after. */
    private boolean exchange(WireReader in, WireWriter out) throws IOException {
        try (Generations.Lease lease = generations.take()) {
            ctx = lease.context();
            // by identity (a reload makes new limits), not record equals, whose linking at its
            // first call costs the first request a few classes generated
            if (ctx.limits() != parsedFor || !ctx.serverName().equals(namedFor)) {
                in.capacity(WireReader.sizeFor(ctx.limits())); // the first, or a reload changed them
                parser = new RequestParser(in, ctx.limits().requestLineBytes(),
                        ctx.limits().headerBytes(), ctx.limits().headerCount());
                writer = new ResponseWriter(out, transport, ctx.serverName());
                parsedFor = ctx.limits();
                namedFor = ctx.serverName();
            }
            return exchange(in, parser, writer);
        } finally {
            ctx = null;
        }
    }

    private boolean exchange(WireReader in, RequestParser parser, ResponseWriter writer)
            throws IOException {
        long start = System.nanoTime();
        if (info == null) {
            info = transport.info();
        }
        Exchange exchange = new Exchange(ctx, in, writer, info, transport);
        RequestParser.RawHead raw = null;
        RequestHead head;
        try {
            raw = parser.read();
            if (raw == null) {
                return false;
            }
            ctx.counters().request();
            // a repeated head is the same RawHead (RequestParser): its checks passed already
            head = raw == checkedRaw ? checked : HeadRules.check(raw);
            checkedRaw = raw;
            checked = head;
        } catch (HttpException e) {
            exchange.reject(e, raw != null ? raw : parser.requestLine(), start);
            return false;
        } catch (SocketTimeoutException e) {
            exchange.reject(Violation.HEAD_TIMEOUT.exception(), parser.requestLine(), start);
            return false;
        } catch (java.io.EOFException e) {
            // the client left before its head was complete: a server event, not an exchange
            counters.rejected(TrafficCounters.INCOMPLETE_HEAD);
            return false;
        }
        in.gapLimit(ctx.limits().bodyTimeout());
        return exchange.serve(head, start, !stopping.getAsBoolean());
    }

    private void flushQuietly(WireWriter out) {
        try {
            out.flush();
        } catch (IOException ignored) {
            // the peer is gone; nothing more can reach it
        }
    }

    private void closeQuietly() {
        try {
            transport.close();
        } catch (IOException ignored) {
            // closing a broken socket can fail; it is closed either way
        }
    }
}
