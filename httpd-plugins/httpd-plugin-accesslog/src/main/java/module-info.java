/**
 * AccessLogSinks {@code file} (Apache's Common and Combined Log Formats) and {@code json}
 * (one JSON object per line), each writing one file that is reopened on SIGHUP and may rotate
 * by size or by day. See {@link io.httpd.plugin.accesslog.FileSinkProvider} and
 * {@link io.httpd.plugin.accesslog.JsonSinkProvider} for the keys of {@code [[access_log]]}.
 */
module io.httpd.plugin.accesslog {
    requires io.httpd.api;
    requires tools.jackson.core;

    provides io.httpd.api.AccessLogSinkProvider with
            io.httpd.plugin.accesslog.FileSinkProvider,
            io.httpd.plugin.accesslog.JsonSinkProvider;
}
