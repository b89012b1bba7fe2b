package io.httpd.core.server;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The JDK's socket pollers run as platform threads unless the operator chose otherwise: with
 * virtual-thread sub-pollers a busy server starves new connections (the engine notes,
 * "Fairness").
 */
class PollerModeTest {
    @Test
    void thePollersArePlatformThreadsUnlessChosen() throws Exception {
        String chosen = System.getProperty(PollerStart.POLLER_MODE); // -D on the test JVM, if any
        PollerStart.run();
        assertEquals(chosen != null ? chosen : "1", System.getProperty(PollerStart.POLLER_MODE));
    }
}
