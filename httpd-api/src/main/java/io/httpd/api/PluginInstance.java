package io.httpd.api;

import java.io.IOException;

/**
 * What every plugin instance shares: the reload and close steps of the lifecycle (see the module
 * documentation). Both are optional and do nothing by default.
 */
public interface PluginInstance extends AutoCloseable {
    /**
     * Called on SIGHUP from the server's signal thread, concurrently with serving: re-read what
     * can change on disk (reopen log files, re-read certificates). An exception is logged and
     * the instance keeps its previous state; the server goes on.
     */
    default void reload() throws IOException {
    }

    /**
     * Called once at shutdown after the last call to this instance, in the reverse order of
     * creation. An exception is logged; the other instances are still closed.
     */
    @Override
    default void close() throws IOException {
    }
}
