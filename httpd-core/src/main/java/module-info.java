/**
 * The httpd engine. It owns the wire and wires plugins; it exports nothing a plugin needs.
 *
 * <ul>
 *   <li>{@code io.httpd.core} — the command line ({@code Main}) and start-up wiring;</li>
 *   <li>{@code io.httpd.core.config} — httpd.toml, bound strictly into records;</li>
 *   <li>{@code io.httpd.core.server} — listeners, accept loops, the connection cap, stop;</li>
 *   <li>{@code io.httpd.core.http1} — the HTTP/1.1 wire protocol: connection loop, exchange,
 *       parser, rules, bodies, writers, transports (plain, TLS, PROXY);</li>
 *   <li>{@code io.httpd.core.plugin} — provider discovery and the plugin registry;</li>
 *   <li>{@code io.httpd.core.accesslog} — per-sink queues feeding access-log sinks;</li>
 *   <li>{@code io.httpd.core.admin} — the admin listener: health, readiness, metrics, status, drain, reload;</li>
 *   <li>{@code io.httpd.core.event} — the names of the structured log events (a leaf: every
 *       package logs them, none imports {@code io.httpd.core} for them).</li>
 * </ul>
 */
module io.httpd.core {
    requires io.httpd.api;
    requires tools.jackson.core;
    requires tools.jackson.databind;
    requires tools.jackson.dataformat.toml;
    requires org.slf4j;
    requires ch.qos.logback.classic; // ServerLog: the server log's configuration, in code
    requires ch.qos.logback.core;
    requires jdk.unsupported; // sun.misc.Signal: SIGTERM drains, SIGHUP reloads
    requires jdk.management;  // /metrics: GC, threads, CPU time (and java.management with it)

    // the plugin test kit reads config and runs the engine exactly as the server does
    exports io.httpd.core to io.httpd.testkit;
    exports io.httpd.core.config to io.httpd.testkit;
    exports io.httpd.core.plugin to io.httpd.testkit;

    uses io.httpd.api.RouteHandlerProvider;
    uses io.httpd.api.RequestValidatorProvider;
    uses io.httpd.api.AccessLogSinkProvider;
    uses io.httpd.api.TlsProviderProvider;

    provides ch.qos.logback.classic.spi.Configurator with io.httpd.core.ServerLog;
}
