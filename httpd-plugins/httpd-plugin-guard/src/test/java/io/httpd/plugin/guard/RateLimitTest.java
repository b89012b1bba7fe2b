package io.httpd.plugin.guard;

import io.httpd.testkit.TestTable;
import io.httpd.api.ConfigException;
import io.httpd.api.RequestValidator.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Validator {@code ratelimit} on a clock the test moves: no sleeps. */
class RateLimitTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000_000L);
    private final List<String> logged = new ArrayList<>();

    private RateLimitValidator validator(Object... keysAndValues) {
        return RateLimitProvider.create(TestTable.of("validator[0]", keysAndValues), now::get, this::log);
    }

    private void log(System.Logger.Level level, String line) {
        logged.add(level + " " + line);
    }

    private void advanceMillis(long ms) {
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(ms));
    }

    private int status(RateLimitValidator v, String client) {
        return AccessRulesTest.status(v, Requests.from(client, "GET", "/"));
    }

    @Test
    void aBurstPassesThenOneRequestPerInterval() {
        RateLimitValidator v = validator("rate", 5L, "burst", 3L); // one token per 200 ms
        assertEquals(List.of(0, 0, 0, 429), List.of(status(v, "192.0.2.1"),
                status(v, "192.0.2.1"), status(v, "192.0.2.1"), status(v, "192.0.2.1")));
        advanceMillis(199);
        assertEquals(429, status(v, "192.0.2.1"), "199 ms: not yet a token");
        advanceMillis(1);
        assertEquals(0, status(v, "192.0.2.1"), "200 ms: one token");
        assertEquals(429, status(v, "192.0.2.1"));
        advanceMillis(10_000);
        for (int i = 0; i < 3; i++) {
            assertEquals(0, status(v, "192.0.2.1"), "refilled to the burst, no more");
        }
        assertEquals(429, status(v, "192.0.2.1"));
    }

    @Test
    void eachClientHasItsOwnBucket() {
        RateLimitValidator v = validator("rate", 1L, "burst", 1L);
        assertEquals(0, status(v, "192.0.2.1"));
        assertEquals(429, status(v, "192.0.2.1"));
        assertEquals(0, status(v, "192.0.2.2"));
        assertEquals(0, status(v, "::1"));
        assertEquals(429, status(v, "::ffff:192.0.2.2"), "the same client as 192.0.2.2");
    }

    @ParameterizedTest(name = "rate {0} per {1}, burst {2}: Retry-After {3}")
    @CsvSource({
        "1,  1s,    1, 1",
        "1,  10s,   1, 10",
        "2,  1s,    1, 1",    // 500 ms rounds up to a whole second
        "1,  1m,    1, 60",
    })
    void retryAfterIsTheWaitInWholeSecondsRoundedUp(long rate, String period, long burst,
                                                   String retryAfter) {
        RateLimitValidator v = validator("rate", rate, "period", period, "burst", burst);
        assertEquals(0, status(v, "192.0.2.1"));
        Verdict.Reject r = assertInstanceOf(Verdict.Reject.class,
                v.validate(Requests.from("192.0.2.1", "GET", "/")));
        assertEquals(429, r.status().code());
        assertEquals(retryAfter, r.headers().first("Retry-After").orElseThrow());
    }

    @Test
    void aHeaderCanBeTheKeyAndItsAbsenceFallsBackToTheClient() {
        RateLimitValidator v = validator("rate", 1L, "burst", 1L, "key", "header:X-Api-Key");
        var a = Requests.from("192.0.2.1", "GET", "/", "X-Api-Key", "a");
        var b = Requests.from("192.0.2.1", "GET", "/", "X-Api-Key", "b");
        assertEquals(0, AccessRulesTest.status(v, a));
        assertEquals(429, AccessRulesTest.status(v, a));
        assertEquals(0, AccessRulesTest.status(v, b), "same address, other key");
        assertEquals(0, status(v, "192.0.2.1"), "no header: keyed by address");
        assertEquals(429, status(v, "192.0.2.1"));
    }

    @Test
    void onlyTheRoutesInScopeAreCounted() {
        RateLimitValidator v = validator("rate", 1L, "burst", 1L, "routes", List.of("/limited/"));
        for (int i = 0; i < 5; i++) {
            assertEquals(0, AccessRulesTest.status(v, Requests.from("192.0.2.1", "GET", "/free")));
        }
        assertEquals(0, AccessRulesTest.status(v, Requests.from("192.0.2.1", "GET", "/limited/a")));
        assertEquals(429, AccessRulesTest.status(v, Requests.from("192.0.2.1", "GET", "/limited/b")));
    }

    @Test
    void memoryIsBoundedAndEvictionsCounted() {
        RateLimitValidator v = validator("rate", 1L, "burst", 1L, "keys", 640L);
        for (int i = 0; i < 10_000; i++) {
            status(v, "10.0." + (i >> 8) + "." + (i & 0xff));
        }
        assertTrue(v.buckets().size() <= 640, "held " + v.buckets().size());
        assertEquals(10_000 - v.buckets().size(), v.buckets().evicted());
    }

    /**
     * {@code guard.ratelimit.evicted}: a line at the first eviction, then at most one per 10 s
     * while keys are forgotten, none when nothing was, and the rest at close. WARNING while
     * the forgotten buckets had not refilled (those clients got a fresh burst), else INFO.
     */
    @Test
    void evictionsAreLoggedAtOnceThenAtMostEveryTenSecondsAndAtClose() {
        RateLimitValidator v = validator("rate", 1L, "burst", 1L, "keys", 64L,
                "routes", List.of("/a/", "/b"));
        TokenBuckets buckets = v.buckets();
        int client = 0;
        while (buckets.evicted() == 0) {
            status(v, "/a/", client++);
        }
        assertEquals(List.of("WARNING guard.ratelimit.evicted evicted=1 early=1 total=1 keys=64"
                + " routes=/a/,/b"), logged, "the first one at once");
        for (int i = 0; i < 1000; i++) {
            status(v, "/a/", client++);
        }
        advanceMillis(9_999);
        status(v, "/a/", client++);
        assertEquals(1, logged.size(), "within 10 s: no line " + logged);
        long unreported = buckets.evicted() - 1;
        assertTrue(unreported >= 900, "forgot " + unreported);
        advanceMillis(1);
        assertEquals(0, status(v, "/b", 0), "client 0 was forgotten: a full bucket");
        assertEquals("WARNING guard.ratelimit.evicted evicted=" + (buckets.evicted() - 1)
                + " early=" + (buckets.evictedEarly() - 1) + " total=" + buckets.evicted()
                + " keys=64 routes=/a/,/b", logged.get(1));
        advanceMillis(10_000);
        status(v, "/a/", client++); // forgets one bucket, which had refilled: INFO
        assertEquals("INFO guard.ratelimit.evicted evicted=1 early=0 total=" + buckets.evicted()
                + " keys=64 routes=/a/,/b", logged.get(2));
        long earlyBefore = buckets.evictedEarly();
        for (int i = 0; i < 64; i++) {
            status(v, "/a/", client++); // each forgets one bucket: the shards are full
        }
        assertEquals(3, logged.size(), "at most one line per 10 s");
        long total = buckets.evicted();
        v.close();
        assertEquals(4, logged.size(), "the rest at close: " + logged);
        assertTrue(logged.get(3).endsWith("guard.ratelimit.evicted evicted=64 early="
                + (buckets.evictedEarly() - earlyBefore) + " total=" + total
                + " keys=64 routes=/a/,/b"), logged.get(3));
        v.close();
        assertEquals(4, logged.size(), "nothing new: no line");
    }

    @Test
    void noEvictionNoLine() {
        RateLimitValidator v = validator("rate", 1L, "burst", 1L, "keys", 100_000L);
        for (int i = 0; i < 1000; i++) {
            status(v, "/", i);
        }
        advanceMillis(60_000);
        status(v, "/", 1);
        v.close();
        assertEquals(List.of(), logged);
        assertEquals(0, v.buckets().evicted());
    }

    private int status(RateLimitValidator v, String path, int client) {
        return AccessRulesTest.status(v, Requests.from(
                "10." + (client >> 16 & 0xff) + "." + (client >> 8 & 0xff) + "." + (client & 0xff),
                "GET", path));
    }

    @Test
    void theLeastRecentlySeenKeyIsForgottenFirst() {
        TokenBuckets buckets = new TokenBuckets(1_000_000_000L, 1, 1, now::get); // 1 a shard
        Object a = "a";
        assertEquals(0, buckets.take(a));
        assertTrue(buckets.take(a) > 0);
        for (int i = 0; i < 1000; i++) {
            buckets.take("other-" + i); // pushes "a" out of its shard sooner or later
        }
        assertEquals(0, buckets.take(a), "forgotten: a full bucket again");
        assertTrue(buckets.evicted() > 0);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "rate   | 0            | validator[0].rate: must be 1 to 1000000000, not 0",
        "burst  | 0            | validator[0].burst: must be 1 to 1000000, not 0",
        "keys   | 0            | validator[0].keys: must be 1 to 10000000, not 0",
        "period | 0s           | validator[0].period: must be more than 0 and at most 1 day",
        "key    | header:      | validator[0].key: must be \"client\" or \"header:NAME\", not \"header:\"",
        "key    | ip           | validator[0].key: must be \"client\" or \"header:NAME\", not \"ip\"",
        "status | 200          | validator[0].status: must be 400 to 599, not 200",
    })
    void badValuesNameTheirKey(String key, String value, String message) {
        Object typed = switch (key) {
            case "period", "key" -> value;
            default -> Long.parseLong(value);
        };
        TestTable config = key.equals("rate") ? TestTable.of("validator[0]", "rate", typed)
                : TestTable.of("validator[0]", "rate", 5L, key, typed);
        ConfigException e = assertThrows(ConfigException.class,
                () -> RateLimitProvider.create(config, now::get, this::log));
        assertEquals(message, e.key() + ": " + e.reason());
    }

    @Test
    void rateIsRequired() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> RateLimitProvider.create(TestTable.of("validator[0]"), now::get, this::log));
        assertEquals("validator[0].rate: required", e.key() + ": " + e.reason());
    }
}
