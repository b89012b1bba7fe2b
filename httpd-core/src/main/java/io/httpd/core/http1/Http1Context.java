package io.httpd.core.http1;

import io.httpd.api.AccessRecord;
import io.httpd.api.RequestValidator;
import io.httpd.api.AddressBlock;
import io.httpd.core.config.Limits;

import java.util.List;
import java.util.function.Consumer;

/**
 * What every connection shares: the limits, the routes, the validator chain, the access log
 * and the counters. Immutable but for the counters.
 *
 * @param limits     the [limits] of httpd.toml
 * @param serverName the Server field value; empty to omit it
 * @param routes     the route table
 * @param validators the validator chain, in httpd.toml order
 * @param accessLog  receives one record per exchange; must not block. {@link #NO_ACCESS_LOG}
 *                   when nothing reads them: then no record is made at all
 * @param counters   the live counters
 * @param requestIdHeader the response header that carries the request id, or empty for none
 * @param forwarded  the trusted proxies: whose forwarding header names the client
 * @param https      the listener's redirect to https or its HSTS header; {@link HttpsUpgrade#NONE}
 */
public record Http1Context(Limits limits, String serverName, RouteTable routes,
                           List<Validator> validators, Consumer<AccessRecord> accessLog,
                           TrafficCounters counters, String requestIdHeader,
                           ForwardedClient forwarded, HttpsUpgrade https) {
    /** The access log of a generation with no sink and no one counting: records are not made. */
    public static final Consumer<AccessRecord> NO_ACCESS_LOG = record -> { };

    public Http1Context {
        validators = List.copyOf(validators);
    }

    /** Whether anything reads the access records: else an exchange makes none. */
    boolean logsAccess() {
        return accessLog != NO_ACCESS_LOG;
    }

    /** The context of one listener's connections: these go to https or get HSTS. */
    public Http1Context withHttps(HttpsUpgrade listener) {
        return new Http1Context(limits, serverName, routes, validators, accessLog, counters,
                requestIdHeader, forwarded, listener);
    }

    /** A context of no particular listener that trusts no proxy. */
    public Http1Context(Limits limits, String serverName, RouteTable routes,
                        List<Validator> validators, Consumer<AccessRecord> accessLog,
                        TrafficCounters counters, String requestIdHeader) {
        this(limits, serverName, routes, validators, accessLog, counters, requestIdHeader,
                ForwardedClient.NONE, HttpsUpgrade.NONE);
    }

    /**
     * A context that believes the forwarding header of these proxies.
     *
     * @param rfc7239 read {@code Forwarded} rather than {@code X-Forwarded-For}
     */
    public Http1Context withTrustedProxies(List<AddressBlock> trusted, boolean rfc7239) {
        return new Http1Context(limits, serverName, routes, validators, accessLog, counters,
                requestIdHeader, new ForwardedClient(trusted, rfc7239), https);
    }

    /**
     * A configured validator.
     *
     * @param id       its provider's id, for the log
     * @param instance the validator
     */
    public record Validator(String id, RequestValidator instance) {
    }
}
