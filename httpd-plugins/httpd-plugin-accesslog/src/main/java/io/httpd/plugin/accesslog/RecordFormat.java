package io.httpd.plugin.accesslog;

import io.httpd.api.AccessRecord;

/**
 * Turns an access record into one line of a log file. An instance serves one sink and is called
 * from that sink's one thread only: formats reuse their scratch space.
 */
interface RecordFormat {
    /**
     * Appends the record's line, ending in {@code "\n"}, to {@code line}. Nothing in the record
     * may end the line early: every value that came from the request is escaped.
     */
    void write(AccessRecord record, LineBuffer line);
}
