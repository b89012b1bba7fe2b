package io.httpd.core.http1;

/**
 * One context that never changes ({@link Generations#fixed}): every exchange's lease is the
 * generation itself, and ending one releases nothing.
 */
record FixedGeneration(Http1Context context) implements Generations, Generations.Lease {
    @Override
    public Http1Context current() {
        return context;
    }

    @Override
    public Lease take() {
        return this;
    }

    @Override
    public void close() {
        // nothing holds a fixed context
    }
}
