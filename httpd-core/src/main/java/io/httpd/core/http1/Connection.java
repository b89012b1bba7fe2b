package io.httpd.core.http1;

import io.httpd.api.Status;
import io.httpd.core.Events;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * The request loop of one connection, on its own virtual thread:
 *
 * <pre>
 *   ┌─► wait for the first byte (idle_timeout; nothing sent if it passes)
 *   │     read the head (header_timeout for all of it; 408, 414, 431, 400 ... and close)
 *   │     check it (HeadRules: version, target, Host, framing, Expect)
 *   │     Exchange: validators ─► route ─► handler ─► write ─► access record
 *   └──── persist? (keep-alive, nothing left unread, server not stopping)  else close
 * </pre>
 *
 * Responses to pipelined requests are written in order; output is flushed before any read
 * that may block. A protocol error is caught here or in {@link Exchange}, in one place each,
 * and answered; only a broken connection ends the loop without a response.
 */
public final class Connection implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Connection.class);
    private static final int IDLE = 0;
    private static final int BUSY = 1;
    private static final int CLOSED = 2;
    /** How long a closing connection still reads what the client sends (RFC 9112 §9.6). */
    private static final Duration LINGER = Duration.ofSeconds(2);

    private final Transport transport;
    private final Http1Context ctx;
    private final BooleanSupplier stopping;
    private final AtomicInteger state = new AtomicInteger(IDLE);
    private int requests;

    /**
     * @param transport the connection's bytes
     * @param ctx       what all connections share
     * @param stopping  true once the server drains: finish the current exchange, then close
     */
    public Connection(Transport transport, Http1Context ctx, BooleanSupplier stopping) {
        this.transport = transport;
        this.ctx = ctx;
        this.stopping = stopping;
    }

    @Override
    public void run() {
        ctx.counters().connectionOpened();
        LOG.atDebug().setMessage(Events.CONN_ACCEPT).addKeyValue("remote", transport.remote()).log();
        String reason;
        try {
            reason = loop();
        } catch (IOException e) {
            reason = "i/o: " + e.getMessage();
        } finally {
            state.set(CLOSED);
            closeQuietly();
            ctx.counters().connectionClosed();
        }
        LOG.atDebug().setMessage(Events.CONN_CLOSE).addKeyValue("remote", transport.remote())
                .addKeyValue("requests", requests).addKeyValue("reason", reason).log();
    }

    /**
     * Closes the connection if it is waiting for a request, for a graceful stop.
     *
     * @return whether it was idle and is now closed
     */
    public boolean closeIfIdle() {
        if (state.compareAndSet(IDLE, CLOSED)) {
            closeQuietly();
            return true;
        }
        return false;
    }

    /** Closes the connection whatever it is doing: the end of a stop's grace period. */
    public void abort() {
        state.set(CLOSED);
        closeQuietly();
    }

    private String loop() throws IOException {
        WireReader in = new WireReader(transport, readBufferSize());
        WireWriter out = new WireWriter(transport.output(), 16 * 1024);
        in.flushBeforeBlocking(out);
        ResponseWriter writer = new ResponseWriter(out, transport, ctx.serverName());
        RequestParser parser = new RequestParser(in, ctx.limits().requestLineBytes(),
                ctx.limits().headerBytes(), ctx.limits().headerCount());
        try {
            while (true) {
                String stop = awaitRequest(in);
                if (stop != null) {
                    return stop;
                }
                if (!exchange(in, parser, writer)) {
                    flushQuietly(out);
                    linger(in);
                    return "closed after response";
                }
                requests++;
                if (!state.compareAndSet(BUSY, IDLE)) {
                    return "server stop";
                }
            }
        } finally {
            flushQuietly(out);
        }
    }

    /** Waits for the first byte of the next request; returns why not, or null when it came. */
    private String awaitRequest(WireReader in) throws IOException {
        if (stopping.getAsBoolean()) {
            return "server stop";
        }
        if (in.buffered() == 0) {
            in.gapLimit(ctx.limits().idleTimeout());
            try {
                if (!in.fill()) {
                    return "client closed";
                }
            } catch (SocketTimeoutException e) {
                return "idle timeout";
            } catch (IOException e) {
                return state.get() == CLOSED ? "server stop" : "i/o: " + e.getMessage();
            }
        }
        return state.compareAndSet(IDLE, BUSY) ? null : "server stop";
    }

    private boolean exchange(WireReader in, RequestParser parser, ResponseWriter writer)
            throws IOException {
        long start = System.nanoTime();
        Exchange exchange = new Exchange(ctx, in, writer, transport.info());
        RequestParser.RawHead raw = null;
        RequestHead head;
        in.deadlineIn(ctx.limits().headerTimeout());
        try {
            raw = parser.read();
            if (raw == null) {
                return false;
            }
            ctx.counters().request();
            head = HeadRules.check(raw);
        } catch (HttpException e) {
            exchange.reject(e, raw != null ? raw : parser.requestLine(), start);
            return false;
        } catch (SocketTimeoutException e) {
            exchange.reject(HttpException.fatal(Status.REQUEST_TIMEOUT,
                    "request head not received in time"), parser.requestLine(), start);
            return false;
        } catch (java.io.EOFException e) {
            // the client left before its head was complete: a server event, not an exchange
            return false;
        }
        in.gapLimit(ctx.limits().bodyTimeout());
        return exchange.serve(head, start, !stopping.getAsBoolean());
    }

    /**
     * Closes in stages (RFC 9112 §9.6): half-close, then read and discard what the client still
     * sends until it closes too, for at most {@link #LINGER}. Closing at once with unread input
     * makes the TCP stack send a reset, which can destroy the response before the client read
     * it: a 413 or 400 answered while the client is still sending content.
     */
    private void linger(WireReader in) {
        try {
            transport.shutdownOutput();
            in.deadlineIn(LINGER);
            byte[] discard = new byte[8192];
            while (in.read(discard, 0, discard.length) >= 0) {
                // discarded: the request was answered already
            }
        } catch (IOException ignored) {
            // deadline passed or the peer reset: close now either way
        }
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

    /** The read buffer must hold the longest line the limits allow. */
    private int readBufferSize() {
        return Math.max(16 * 1024,
                Math.max(ctx.limits().requestLineBytes(), ctx.limits().headerBytes()) + 2);
    }
}
