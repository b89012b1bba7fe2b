package io.httpd.api;

/** Finds a {@link RouteHandler}; its {@link #id()} is what the {@code handler} key of {@code [[route]]} names in httpd.toml. */
public interface RouteHandlerProvider extends PluginProvider<RouteHandler> {
}
