/**
 * RouteHandler {@code info}: the server's metadata from {@link io.httpd.api.ServerView} —
 * name, version, Java runtime, start time and uptime, listeners, routes, plugins and live
 * counters — as JSON, or as an HTML page for clients that prefer {@code text/html}. See
 * {@link io.httpd.plugin.info.InfoProvider} for its key.
 */
module io.httpd.plugin.info {
    requires io.httpd.api;
    requires tools.jackson.core;
    requires tools.jackson.databind;

    provides io.httpd.api.RouteHandlerProvider with io.httpd.plugin.info.InfoProvider;
}
