package io.httpd.api;

/**
 * Looks at a request head before routing ({@code [[validator]]} in httpd.toml), after the core's
 * own RFC 9112 checks. Validators run in file order; the first rejection wins.
 *
 * <p>Who is asking: {@link Request#client()} is the client's address after the server's
 * trusted proxies and PROXY protocol header ({@code [server] trusted_proxies},
 * {@code [[listen]] proxy_protocol}); {@link Request#remote()} is the TCP peer. Whether the
 * request came over TLS: {@code request.connection().tls()}. Routing has not run yet: a
 * validator that guards only some routes matches {@link Request#path()} itself.
 *
 * <p><b>Threads.</b> Called concurrently for different connections; it may block, unless it
 * says it does not ({@link #blocks()}). It must not read the request body. <b>Errors.</b> An
 * exception becomes a 500 response and is logged once.
 */
@FunctionalInterface
public interface RequestValidator extends PluginInstance {
    /** Accepts the request, or rejects it with a status and a reason for the log. */
    Verdict validate(Request request);

    /** The outcome of a validation. */
    sealed interface Verdict {
        /** The request goes on. */
        Verdict ACCEPT = new Accept();

        /** Rejects with a status (4xx or 5xx) and a short reason, logged and sent as the body. */
        static Verdict reject(Status status, String reason) {
            return new Reject(status, reason, Headers.EMPTY);
        }

        /**
         * Rejects with a status, a reason, and header fields for the response, such as
         * {@code Retry-After} with a 429 or {@code WWW-Authenticate} with a 401.
         */
        static Verdict reject(Status status, String reason, Headers headers) {
            return new Reject(status, reason, headers);
        }

        /** The request goes on to the next validator and then to routing. */
        record Accept() implements Verdict {
        }

        /**
         * The request is answered with this status and goes no further.
         *
         * @param status a 4xx or 5xx status
         * @param reason a short text for the log and the response body; never request bytes
         * @param headers fields added to the response ({@code Retry-After},
         *                {@code WWW-Authenticate}, ...); the server sets the framing fields
         */
        record Reject(Status status, String reason, Headers headers) implements Verdict {
            public Reject {
                if (status.code() < 400) {
                    throw new IllegalArgumentException("a rejection needs a 4xx or 5xx status");
                }
                java.util.Objects.requireNonNull(reason, "reason");
                java.util.Objects.requireNonNull(headers, "headers");
            }

            /** A rejection without extra header fields. */
            public Reject(Status status, String reason) {
                this(status, reason, Headers.EMPTY);
            }
        }
    }
}
