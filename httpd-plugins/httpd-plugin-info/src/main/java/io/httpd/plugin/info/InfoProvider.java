package io.httpd.plugin.info;

import io.httpd.api.PluginConfig;
import io.httpd.api.RouteHandler;
import io.httpd.api.RouteHandlerProvider;
import io.httpd.api.ServerView;

import java.time.Clock;

/**
 * Finds the {@code info} route handler: {@code handler = "info"} in a {@code [[route]]} table.
 * Its one key, {@code detail}, is {@code "full"} (the default) or {@code "basic"}: a basic page
 * leaves out the plugins and every version (server, Java, modules), as nginx's
 * {@code server_tokens off} does, for public sites.
 */
public final class InfoProvider extends RouteHandlerProvider.Base {
    /** Creates the provider; no side effects. */
    public InfoProvider() {
        super("info", InfoProvider::handler);
    }

    /** A new {@link InfoHandler} over the server view; reads {@code detail}. */
    private static RouteHandler handler(PluginConfig config, ServerView server) {
        String detail = config.string("detail", "full");
        return new InfoHandler(server, switch (detail) {
            case "full" -> Detail.FULL;
            case "basic" -> Detail.BASIC;
            default -> throw config.error("detail", "expected \"full\" or \"basic\", not \""
                    + detail + "\"");
        }, Clock.systemUTC());
    }
}
