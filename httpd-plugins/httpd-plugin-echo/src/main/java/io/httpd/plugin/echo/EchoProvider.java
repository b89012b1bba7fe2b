package io.httpd.plugin.echo;

import io.httpd.api.RouteHandlerProvider;

/**
 * Finds the {@code echo} route handler: {@code handler = "echo"} in a {@code [[route]]} table.
 * It takes no keys of its own, so any key beyond the route's own is reported as unknown.
 */
public final class EchoProvider extends RouteHandlerProvider.Base {
    /**
     * Creates the provider; no side effects. Its factory reads no key and makes an
     * {@link EchoHandler}.
     */
    public EchoProvider() {
        super("echo", (config, server) -> new EchoHandler());
    }
}
