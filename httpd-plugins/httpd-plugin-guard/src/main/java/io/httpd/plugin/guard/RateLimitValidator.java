package io.httpd.plugin.guard;

import io.httpd.api.Headers;
import io.httpd.api.Request;
import io.httpd.api.RequestValidator;
import io.httpd.api.Status;

import java.util.concurrent.TimeUnit;

/**
 * Validator {@code ratelimit}: a token bucket per client (or per value of a header), like
 * nginx's {@code limit_req} without its queue. A request over the limit gets 429 (RFC 6585 §4)
 * with {@code Retry-After} in whole seconds, rounded up (RFC 9110 §10.2.3).
 *
 * @param buckets the buckets
 * @param evictions reports what the buckets forgot ({@link EvictionReport})
 * @param header  the header whose value is the key, or null to key by client address; a
 *                request without it is keyed by its client address
 * @param scope   the routes the table guards
 * @param status  the status of a refusal (429 by default)
 */
record RateLimitValidator(TokenBuckets buckets, EvictionReport evictions, String header,
                          Scope scope, Status status) implements RequestValidator {
    /** Decides from the buckets it holds in memory. */
    @Override
    public boolean blocks() {
        return false;
    }

    @Override
    public Verdict validate(Request request) {
        if (!scope.covers(request)) {
            return Verdict.ACCEPT;
        }
        long wait = buckets.take(key(request));
        evictions.check();
        if (wait == 0) {
            return Verdict.ACCEPT;
        }
        long seconds = Math.max(1, (wait + TimeUnit.SECONDS.toNanos(1) - 1)
                / TimeUnit.SECONDS.toNanos(1));
        return Verdict.reject(status, "rate limit exceeded",
                Headers.of("Retry-After", Long.toString(seconds)));
    }

    /** Reports the evictions not yet in the log. */
    @Override
    public void close() {
        evictions.flush();
    }

    private Object key(Request request) {
        if (header != null) {
            var value = request.header(header);
            if (value.isPresent()) {
                return value.get();
            }
        }
        var address = request.client().getAddress();
        return address != null ? address : request.client().getHostString();
    }
}
