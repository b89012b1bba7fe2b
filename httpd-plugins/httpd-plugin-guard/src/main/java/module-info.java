/**
 * RequestValidators {@code access} (allow and deny lists of client CIDRs), {@code ratelimit}
 * (a token bucket per client) and {@code basic-auth} (RFC 7617 over an htpasswd file).
 */
module io.httpd.plugin.guard {
    requires io.httpd.api;

    provides io.httpd.api.RequestValidatorProvider with
            io.httpd.plugin.guard.AccessProvider,
            io.httpd.plugin.guard.RateLimitProvider,
            io.httpd.plugin.guard.BasicAuthProvider;
}
