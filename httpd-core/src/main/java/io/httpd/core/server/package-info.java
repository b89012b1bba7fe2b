/**
 * The server around the wire protocol: listeners, their accept loops, the connection cap and
 * the graceful stop. It hands each accepted socket, wrapped in its transport, to an
 * {@link io.httpd.core.http1.Connection} on a virtual thread of its own; it reads nothing of
 * HTTP itself. It depends on {@code http1}, never the reverse.
 *
 * <ul>
 *   <li>{@link io.httpd.core.server.HttpServer} — binds the listeners; one platform thread per
 *       listener accepts, one virtual thread per connection serves; the connection cap (a
 *       semaphore; at the cap the longest-idle keep-alive connection makes room); stop;</li>
 *   <li>{@link io.httpd.core.server.AcceptFailures} — a failing accept backs off and is logged
 *       once per run of failures;</li>
 *   <li>{@link io.httpd.core.server.SendTimeout} — one watcher closes connections whose client
 *       stopped reading ({@code send_timeout});</li>
 *   <li>{@link io.httpd.core.server.OpenFileLimit} — warns at start-up when {@code ulimit -n}
 *       is below the connection cap;</li>
 *   <li>{@link io.httpd.core.server.PollerStart} — makes the JDK start its socket pollers at
 *       start-up, while descriptors are plentiful, as platform threads unless the operator
 *       chose (fairness under load: the engine notes).</li>
 * </ul>
 */
package io.httpd.core.server;
