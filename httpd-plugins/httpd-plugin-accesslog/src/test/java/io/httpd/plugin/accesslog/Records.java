package io.httpd.plugin.accesslog;

import io.httpd.api.AccessRecord;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** Access records for tests. */
final class Records {
    /** 10 Oct 2000 13:55:36.123 -0700, the moment of Apache's own example line. */
    static final ZonedDateTime APACHE_EXAMPLE_TIME = ZonedDateTime.of(2000, 10, 10, 13, 55, 36,
            123_000_000, ZoneOffset.ofHours(-7));

    private Records() {
    }

    /** A GET of {@code target} from 192.0.2.7:51234 answered 200 with 2326 bytes. */
    static AccessRecord get(String target) {
        return new AccessRecord(APACHE_EXAMPLE_TIME, new InetSocketAddress("192.0.2.7", 51234),
                "GET", target, "HTTP/1.1", 200, 2326, Duration.ofNanos(1_204_567),
                "http://example.test/start", "curl/8.5.0", "/", "r-1");
    }

    /** Record number {@code n}, with {@code n} in its target: {@code /n/<n>}. */
    static AccessRecord numbered(long n) {
        return get("/n/" + n);
    }

    static AccessRecord withUserAgent(AccessRecord r, String userAgent) {
        return new AccessRecord(r.timestamp(), r.client(), r.method(), r.target(), r.protocol(),
                r.status(), r.bytes(), r.duration(), r.referer(), userAgent, r.route(),
                r.requestId());
    }

    static AccessRecord withReferer(AccessRecord r, String referer) {
        return new AccessRecord(r.timestamp(), r.client(), r.method(), r.target(), r.protocol(),
                r.status(), r.bytes(), r.duration(), referer, r.userAgent(), r.route(),
                r.requestId());
    }

    static AccessRecord withLine(AccessRecord r, String method, String target, String protocol) {
        return new AccessRecord(r.timestamp(), r.client(), method, target, protocol,
                r.status(), r.bytes(), r.duration(), r.referer(), r.userAgent(), r.route(),
                r.requestId());
    }

    static AccessRecord withStatus(AccessRecord r, int status, long bytes) {
        return new AccessRecord(r.timestamp(), r.client(), r.method(), r.target(), r.protocol(),
                status, bytes, r.duration(), r.referer(), r.userAgent(), r.route(),
                r.requestId());
    }

    static AccessRecord withClient(AccessRecord r, InetSocketAddress client) {
        return new AccessRecord(r.timestamp(), client, r.method(), r.target(), r.protocol(),
                r.status(), r.bytes(), r.duration(), r.referer(), r.userAgent(), r.route(),
                r.requestId());
    }

    static AccessRecord withTime(AccessRecord r, ZonedDateTime time) {
        return new AccessRecord(time, r.client(), r.method(), r.target(), r.protocol(),
                r.status(), r.bytes(), r.duration(), r.referer(), r.userAgent(), r.route(),
                r.requestId());
    }

    /** The same exchange cut short after {@code bytes} content bytes got out. */
    static AccessRecord aborted(AccessRecord r, long bytes) {
        return new AccessRecord(r.timestamp(), r.client(), r.method(), r.target(), r.protocol(),
                r.status(), bytes, r.duration(), r.referer(), r.userAgent(), r.route(),
                r.requestId(), true);
    }

    /** The same exchange refused by the validator {@code id} with this status. */
    static AccessRecord refusedBy(AccessRecord r, String id, int status) {
        return new AccessRecord(r.timestamp(), r.client(), r.method(), r.target(), r.protocol(),
                status, 0, r.duration(), r.referer(), r.userAgent(), r.route(),
                r.requestId(), r.connection(), false, id);
    }
}
