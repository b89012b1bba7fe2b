package io.httpd.core.http1;

/**
 * Where connections find what they share ({@link Http1Context}): one generation of the config,
 * replaced as a whole by a reload. An exchange {@linkplain #take() takes} the current
 * generation once, at its start, and uses only it until it {@linkplain Lease#close() ends};
 * the next request on the same connection takes the generation current then. Waiting between
 * requests holds none: it only {@linkplain #current() peeks} at the idle timeout.
 */
public interface Generations {
    /** The current context, for what happens between exchanges (an idle connection's wait). */
    Http1Context current();

    /** Takes the current generation for one exchange; the lease must be closed exactly once. */
    Lease take();

    /** One exchange's hold on one generation. */
    interface Lease extends AutoCloseable {
        /** The generation's context. */
        Http1Context context();

        /** Ends the exchange's hold: the generation may retire once nobody holds it. */
        @Override
        void close();
    }

    /** One context that never changes (tests, the admin listener). */
    static Generations fixed(Http1Context ctx) {
        return new FixedGeneration(ctx);
    }

    /**
     * These generations as one listener sees them: each context passed through {@code f} (its
     * redirect to https or its HSTS header), the holds still those of the generations beneath.
     * The mapped context is made once per generation, not per exchange: {@code f} must give
     * equal results for the same context.
     */
    default Generations map(java.util.function.UnaryOperator<Http1Context> f) {
        return new MappedGenerations(this, f);
    }
}
