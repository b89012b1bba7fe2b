package io.httpd.core.admin;

/**
 * Whether the server takes traffic, as {@code GET /ready} reports it: starting until every
 * listener is bound and every plugin instance created, ready while serving, draining from the
 * moment shutdown begins.
 */
public final class Readiness {
    /** The three phases, in the order they come. */
    public enum Phase { STARTING, READY, DRAINING }

    private volatile Phase phase = Phase.STARTING;

    /** The phase now. */
    public Phase phase() {
        return phase;
    }

    /** Listeners bound, plugins created. */
    public void ready() {
        if (phase == Phase.STARTING) {
            phase = Phase.READY;
        }
    }

    /** Shutdown began; there is no way back. */
    public void draining() {
        phase = Phase.DRAINING;
    }
}
