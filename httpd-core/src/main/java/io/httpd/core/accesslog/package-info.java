/**
 * Access-log dispatch: every {@link io.httpd.api.AccessLogSink} is fed from a bounded queue of
 * its own on a thread of its own, so a slow or failing sink never stalls a response.
 *
 * <pre>
 *  connection threads                       one thread per sink ("access-log-N")
 *  ──────────────────                       ────────────────────────────────────
 *  submit(record) ──┬─► RecordQueue 0 ──► SinkFeed 0 ──► sink.log ... sink.flush (when quiet)
 *   (never blocks,  └─► RecordQueue 1 ──► SinkFeed 1 ──► sink.log ... sink.flush
 *    no lock)  │          (batches of up to 512)    │ exception: counted as a drop,
 *              │ full or closed: counted as a drop, ▼ logged once per run of failures
 *              ▼ accesslog.drop once per episode
 *     drops(), dropsBySink()  ◄─────────────────────┘
 * </pre>
 *
 * {@link io.httpd.core.accesslog.AccessLogDispatcher} is the entry point.
 */
package io.httpd.core.accesslog;
