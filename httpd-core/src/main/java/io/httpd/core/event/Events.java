package io.httpd.core.event;

/**
 * The names of the server's structured log events, kept in one place so that operators can
 * search for them and tests can assert on them. Each is logged as the message, with the
 * details as slf4j key-values.
 */
public final class Events {
    /** The server bound a listener: address, and tls=true for a TLS listener. */
    public static final String SERVER_LISTEN = "server.listen";
    /** The server is ready: listeners, routes, plugins, start-up time. */
    public static final String SERVER_START = "server.start";
    /**
     * Whether plain sockets use their own system calls (MSG_MORE, sendfile, recv: the engine
     * notes, "System calls"), a second after start: state on, or off and the reason.
     */
    public static final String SOCKET_CALLS = "socket.calls";
    /** Shutdown began: reason, grace. */
    public static final String SERVER_STOP = "server.stop";
    /** Shutdown done: cut connections. */
    public static final String SERVER_STOPPED = "server.stopped";
    /** A request on the admin listener: remote, method, target, status (401s at WARN). */
    public static final String ADMIN_REQUEST = "admin.request";
    /** A connection was accepted: conn, remote. */
    public static final String CONN_ACCEPT = "conn.accept";
    /** A connection closed: conn, remote, requests, reason. */
    public static final String CONN_CLOSE = "conn.close";
    /** The server refused a request with a 4xx/5xx of its own: status, reason. */
    public static final String REQUEST_REJECT = "request.reject";
    /** A handler or validator threw: route and handler, or validator; with the stack trace. */
    public static final String HANDLER_ERROR = "handler.error";
    /** A plugin provider was found: kind, id, module, version, source. */
    public static final String PLUGIN_LOAD = "plugin.load";
    /** A file in the plugins folder that is neither a jar nor a folder was ignored: file. */
    public static final String PLUGIN_IGNORE = "plugin.ignore";
    /** A plugin jar or folder provides none of the four services: jar. */
    public static final String PLUGIN_EMPTY = "plugin.empty";
    /** Accepting a connection failed, the first time in a run of failures: listener, reason. */
    public static final String ACCEPT_FAIL = "accept.fail";
    /** Accepting works again after a run of failures: listener, failures, ms. */
    public static final String ACCEPT_RECOVER = "accept.recover";
    /**
     * limits.connections was reached (at most once per 10 s): connections, and kept_alive_closed,
     * the idle keep-alive connections closed since the last such event to admit new ones.
     */
    public static final String CONN_LIMIT = "conn.limit";
    /**
     * A flood of connections ended and the heap was collected to give its memory back:
     * peak_connections, connections, heap_committed_before_mib, heap_committed_after_mib.
     */
    public static final String SERVER_HEAP_RELEASE = "server.heap_release";
    /**
     * A poller (the thread that waits for plain connections to become readable) met an error in
     * its select; it goes on: poller, error. Should not happen; a bug report is welcome.
     */
    public static final String SERVER_POLLER_FAIL = "server.poller_fail";
    /** At start-up, the open-files limit is below connections + a margin: the numbers. */
    public static final String SERVER_FD_LIMIT = "server.fd_limit";
    /** A plugin instance failed to reload or close: id. */
    public static final String PLUGIN_ERROR = "plugin.error";
    /** An access-log sink's log or flush threw; once per run of failures: sink, call. */
    public static final String ACCESSLOG_FAIL = "accesslog.fail";
    /** A failing access-log sink flushed successfully again: dropped meanwhile. */
    public static final String ACCESSLOG_RECOVER = "accesslog.recover";
    /**
     * An access-log sink's queue was full and records were refused; logged once per episode,
     * when it ends: sink, index, dropped, capacity.
     */
    public static final String ACCESSLOG_DROP = "accesslog.drop";
    /** A sink did not drain its queue within the close timeout: dropped. */
    public static final String ACCESSLOG_CLOSE_TIMEOUT = "accesslog.close_timeout";
    /**
     * A signal the server handles (SIGHUP, SIGTERM) was ignored when the process started, as
     * {@code nohup} ignores SIGHUP; the JVM keeps it ignored, so it does nothing: signal.
     */
    public static final String SIGNAL_IGNORED = "signal.ignored";
    /**
     * A TLS handshake failed, timed out, or met plain HTTP; at DEBUG, never with a stack trace
     * (counted in tlsHandshakeFailures): remote, reason.
     */
    public static final String TLS_HANDSHAKE_FAIL = "tls.handshake_fail";
    /** A connection on a proxy_protocol listener sent no valid PROXY header: remote, reason. */
    public static final String PROXY_REJECT = "proxy.reject";
    /**
     * SIGHUP or POST /reload put a new generation in: generation, what changed (routes,
     * listeners, plugins added/removed/upgraded; instances created and carried over), took_ms,
     * reload_failed (instances whose own reload() threw).
     */
    public static final String SERVER_RELOAD = "server.reload";
    /**
     * A reload refused: one ERROR event per problem (error: {@code FILE:LINE: key: reason}, a
     * jar, an address), then a WARN summary (generation still serving, errors, took_ms).
     */
    public static final String SERVER_RELOAD_FAILED = "server.reload_failed";

    private Events() {
    }
}
