package io.httpd.api;

import java.io.IOException;

/**
 * Receives one {@link AccessRecord} per exchange ({@code [[access_log]]} in httpd.toml).
 *
 * <p><b>Threads.</b> Each sink is called from one thread of its own, never concurrently, in the
 * order exchanges completed; it may block without slowing any response: the server queues
 * records (bounded) and counts what it had to drop. <b>Errors.</b> An exception is logged
 * (once per run of failures) and the record is counted as dropped; the sink keeps receiving.
 */
@FunctionalInterface
public interface AccessLogSink extends PluginInstance {
    /** Writes one record. */
    void log(AccessRecord record) throws IOException;

    /**
     * Makes written records durable (flushes buffers). Called when the queue runs empty and
     * before {@link #close()}.
     */
    default void flush() throws IOException {
    }
}
