package io.httpd.core.http1;

import java.util.function.UnaryOperator;

/**
 * {@link Generations#map}: a listener's view of the generations (its https redirect or HSTS).
 * The last mapping is remembered, so an exchange on such a listener allocates no context and
 * no lease of its own while the generation stays the same (it did, per exchange, before).
 */
final class MappedGenerations implements Generations {
    private final Generations base;
    private final UnaryOperator<Http1Context> f;
    private volatile Mapped last = new Mapped(null, null);

    /** A context beneath and what {@code f} made of it. */
    private record Mapped(Http1Context from, Http1Context to) {
    }

    /** The mapped context, held by the lease beneath. */
    private record MappedLease(Http1Context context, Lease beneath) implements Lease {
        @Override
        public void close() {
            beneath.close();
        }
    }

    MappedGenerations(Generations base, UnaryOperator<Http1Context> f) {
        this.base = base;
        this.f = f;
    }

    private Http1Context mapped(Http1Context from) {
        Mapped m = last;
        if (m.from != from) {
            m = new Mapped(from, f.apply(from));
            last = m;
        }
        return m.to;
    }

    @Override
    public Http1Context current() {
        return mapped(base.current());
    }

    @Override
    public Lease take() {
        Lease lease = base.take();
        return new MappedLease(mapped(lease.context()), lease);
    }
}
