package io.httpd.core.http1;

import io.httpd.api.AccessRecord;
import io.httpd.api.RequestValidator;
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
 * @param accessLog  receives one record per exchange; must not block
 * @param counters   the live counters
 * @param requestIdHeader the response header that carries the request id, or empty for none
 */
public record Http1Context(Limits limits, String serverName, RouteTable routes,
                           List<Validator> validators, Consumer<AccessRecord> accessLog,
                           Counters counters, String requestIdHeader) {
    public Http1Context {
        validators = List.copyOf(validators);
    }

    /** A context that sends no request-id header. */
    public Http1Context(Limits limits, String serverName, RouteTable routes,
                        List<Validator> validators, Consumer<AccessRecord> accessLog,
                        Counters counters) {
        this(limits, serverName, routes, validators, accessLog, counters, "");
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
