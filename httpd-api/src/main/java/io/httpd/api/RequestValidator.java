package io.httpd.api;

/**
 * Looks at a request head before routing ({@code [[validator]]} in httpd.toml), after the core's
 * own RFC 9112 checks. Validators run in file order; the first rejection wins.
 *
 * <p><b>Threads.</b> Called on the connection's virtual thread, concurrently; it may block.
 * It must not read the request body. <b>Errors.</b> An exception becomes a 500 response and is
 * logged once.
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
            return new Reject(status, reason);
        }

        /** The request goes on to the next validator and then to routing. */
        record Accept() implements Verdict {
        }

        /**
         * The request is answered with this status and goes no further.
         *
         * @param status a 4xx or 5xx status
         * @param reason a short text for the log and the response body; never request bytes
         */
        record Reject(Status status, String reason) implements Verdict {
            public Reject {
                if (status.code() < 400) {
                    throw new IllegalArgumentException("a rejection needs a 4xx or 5xx status");
                }
                java.util.Objects.requireNonNull(reason, "reason");
            }
        }
    }
}
