package io.httpd.plugin.echo;

import io.httpd.api.PluginConfig;
import io.httpd.api.RouteHandler;
import io.httpd.api.RouteHandlerProvider;
import io.httpd.api.ServerView;

/**
 * Finds the {@code echo} route handler: {@code handler = "echo"} in a {@code [[route]]} table.
 * It takes no keys of its own, so any key beyond the route's own is reported as unknown.
 */
public final class EchoProvider implements RouteHandlerProvider {
    /** The id httpd.toml uses. */
    public static final String ID = "echo";

    /** Creates the provider; no side effects. */
    public EchoProvider() {
    }

    @Override
    public String id() {
        return ID;
    }

    /** Returns a new {@link EchoHandler}; reads no key of {@code config}. */
    @Override
    public RouteHandler create(PluginConfig config, ServerView server) {
        return new EchoHandler();
    }
}
