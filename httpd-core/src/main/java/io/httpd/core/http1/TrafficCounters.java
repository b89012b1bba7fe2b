package io.httpd.core.http1;

import io.httpd.api.ServerView;

import java.util.List;
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
