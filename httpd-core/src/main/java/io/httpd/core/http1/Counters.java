package io.httpd.core.http1;

import io.httpd.api.ServerView;

import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/** The server's live counters, shared by every connection; cheap to update concurrently. */
public final class Counters {
    private final LongAdder connectionsOpen = new LongAdder();
    private final LongAdder connectionsTotal = new LongAdder();
    private final LongAdder requests = new LongAdder();
    private final LongAdder[] byClass = {
        new LongAdder(), new LongAdder(), new LongAdder(), new LongAdder(), new LongAdder(),
    };
    private final LongAdder tlsHandshakeFailures = new LongAdder();
    private volatile LongSupplier accessLogDrops = () -> 0;

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

    /** Where the access-log drop count comes from. */
    public void accessLogDrops(LongSupplier drops) {
        this.accessLogDrops = drops;
    }

    /** A snapshot. */
    public ServerView.Counters snapshot() {
        return new ServerView.Counters(connectionsOpen.sum(), connectionsTotal.sum(),
                requests.sum(), byClass[0].sum(), byClass[1].sum(), byClass[2].sum(),
                byClass[3].sum(), byClass[4].sum(), accessLogDrops.getAsLong(),
                tlsHandshakeFailures.sum());
    }
}
