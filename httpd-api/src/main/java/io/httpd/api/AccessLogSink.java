package io.httpd.api;

import java.io.IOException;

/**
 * Receives one {@link AccessRecord} per exchange ({@code [[access_log]]} in httpd.toml).
 *
 * <p><b>Threads.</b> Each sink is called from one thread of its own, never concurrently, in the
 * order exchanges completed; it may block without slowing any response: the server queues
 * records (bounded) and counts what it had to drop. <b>Errors.</b> An exception is logged
 * (once per run of failures) and counted as one dropped record, or as as many as a
 * {@link RecordsLost} says (a sink that buffers lines and loses them together); the sink
 * keeps receiving.
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

    /**
     * A failure of {@link #log} or {@link #flush} that lost a known number of records, such as
     * the lines a sink had buffered and could not write (0 when it lost none); the server
     * counts that many drops instead of one. Its message is its cause's.
     */
    final class RecordsLost extends IOException {
        private static final long serialVersionUID = 1L;
        private final long records;

        /**
         * @param records the records lost, 0 or more
         * @param cause   the failure
         */
        public RecordsLost(long records, IOException cause) {
            super(cause.getMessage(), cause);
            if (records < 0) {
                throw new IllegalArgumentException("records lost must not be negative");
            }
            this.records = records;
        }

        /** The records lost. */
        public long records() {
            return records;
        }
    }
}
