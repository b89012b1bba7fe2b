package io.httpd.core.admin;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Requests per second over the last minute, from one sample a second. */
class RequestRateTest {
    @Test
    void meanOverTheSamplesHeldUpToAMinute() {
        AtomicLong total = new AtomicLong();
        RequestRate rate = new RequestRate(total::get);
        assertEquals(0, rate.perSecond(), "no rate from nothing");
        rate.sample();
        assertEquals(0, rate.perSecond(), "nor from one sample");
        total.set(30);
        rate.sample();
        assertEquals(30, rate.perSecond());
        for (int second = 0; second < 100; second++) {
            total.addAndGet(second < 40 ? 1000 : 10);
            rate.sample();
        }
        assertEquals(10, rate.perSecond(), "only the last 60 seconds count");
    }
}
