package io.httpd.api;

/** Finds a {@link AccessLogSink}; its {@link #id()} is what the {@code sink} key of {@code [[access_log]]} names in httpd.toml. */
public interface AccessLogSinkProvider extends PluginProvider<AccessLogSink> {
}
