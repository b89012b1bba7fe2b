package io.httpd.api;

import java.io.IOException;

/**
 * What every plugin instance shares: the reload and close steps of the lifecycle (see the module
 * documentation). Both are optional and do nothing by default.
 */
public interface PluginInstance extends AutoCloseable {
    /**
     * Whether a call to this handler or validator ({@link RouteHandler#handle},
     * {@link RequestValidator#validate}, and the writer of a streamed body a handler returns) may
     * wait for anything other than the request's content and local files: another server, a lock
     * held for long, a sleep. One that never does (it answers from the request, from memory or
     * from local files) may run on the thread that waits for the server's connections, with no
     * switch of threads per request; reading the request's content or sending a large response
     * moves the connection off that thread by itself. One that may block is called on a thread
     * of the request's connection. Default: true, which is always safe. Say false only when the
     * work is short: while it runs there, other connections wait. Other kinds of plugin ignore it.
     */
    default boolean blocks() {
        return true;
    }

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
