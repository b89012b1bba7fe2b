package io.httpd.core.http1;

import io.httpd.api.ServerView;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/** The server's live counters, shared by every connection; cheap to update concurrently. */
public final class TrafficCounters {
    private final LongAdder connectionsOpen = new LongAdder();
    private final LongAdder connectionsTotal = new LongAdder();
    private final LongAdder requests = new LongAdder();
    private final LongAdder[] byClass = {
        new LongAdder(), new LongAdder(), new LongAdder(), new LongAdder(), new LongAdder(),
    };
    private volatile Supplier<List<ServerView.AccessLogDrops>> accessLogDrops = List::of;
    private final LongAdder tlsHandshakeFailures = new LongAdder();
    private final LongAdder receivedBytes = new LongAdder();
    private final LongAdder sentBytes = new LongAdder();
    /** By reason: a status code, or one of the close reasons below. Bounded: a few dozen. */
    private final Map<String, LongAdder> rejections = new ConcurrentHashMap<>();

    /** A connection closed because its first request's head did not start in time. */
    static final String HEADER_TIMEOUT = "header_timeout";
    /** A connection closed by its client inside a request head. */
    static final String INCOMPLETE_HEAD = "incomplete_head";
    /** A connection closed because its client did not read the response (send_timeout). */
    static final String SEND_TIMEOUT = "send_timeout";

    void connectionOpened() {
        connectionsOpen.increment();
        connectionsTotal.increment();
    }

    void connectionClosed() {
        connectionsOpen.decrement();
    }

    void request() {
        requests.increment();
    }

    void response(int status) {
        int cls = status / 100 - 1;
        if (cls >= 0 && cls < byClass.length) {
            byClass[cls].increment();
        }
    }

    void tlsHandshakeFailed() {
        tlsHandshakeFailures.increment();
    }

    /** Bytes read from connections: the HTTP bytes, after TLS decryption. */
    void received(long n) {
        receivedBytes.add(n);
    }

    /** Bytes the connections' sockets accepted: the HTTP bytes, before TLS encryption. */
    void sent(long n) {
        sentBytes.add(n);
    }

    /** A request refused with a status of the server's or a validator's own. */
    void rejected(int status) {
        rejected(Integer.toString(status));
    }

    /** A rejection: a status code, or a close without a response ({@link #HEADER_TIMEOUT} ...). */
    void rejected(String reason) {
        LongAdder n = rejections.get(reason);
        if (n == null) {
            n = rejections.computeIfAbsent(reason, k -> new LongAdder());
        }
        n.increment();
    }

    /** HTTP bytes received since start. */
    public long receivedBytes() {
        return receivedBytes.sum();
    }

    /** HTTP bytes sent since start. */
    public long sentBytes() {
        return sentBytes.sum();
    }

    /** Rejections since start, by reason, sorted. */
    public Map<String, Long> rejections() {
        Map<String, Long> out = new TreeMap<>();
        rejections.forEach((reason, n) -> out.put(reason, n.sum()));
        return out;
    }

    /** Where the access-log drop counts, one per sink, come from. */
    public void accessLogDrops(Supplier<List<ServerView.AccessLogDrops>> drops) {
        this.accessLogDrops = drops;
    }

    /** A snapshot. */
    public ServerView.Counters snapshot() {
        List<ServerView.AccessLogDrops> sinks = accessLogDrops.get();
        long drops = 0;
        for (ServerView.AccessLogDrops sink : sinks) {
            drops += sink.dropped();
        }
        return new ServerView.Counters(connectionsOpen.sum(), connectionsTotal.sum(),
                requests.sum(), byClass[0].sum(), byClass[1].sum(), byClass[2].sum(),
                byClass[3].sum(), byClass[4].sum(), drops, sinks, tlsHandshakeFailures.sum());
    }
}
