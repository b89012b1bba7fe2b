package example.greeting;

import io.httpd.api.PluginConfig;
import io.httpd.api.RouteHandler;
import io.httpd.api.RouteHandlerProvider;
import io.httpd.api.ServerView;

/** Finds the "greeting" route handler; httpd.toml names it with {@code handler = "greeting"}. */
public final class GreetingProvider extends RouteHandlerProvider.Base {
    /** Creates the provider: its id and its factory, and nothing else. */
    public GreetingProvider() {
        super("greeting", GreetingProvider::handler);
    }

    /** The factory: one handler per [[route]] table that names "greeting". */
    private static RouteHandler handler(PluginConfig config, ServerView server) {
        String greeting = config.string("greeting", "Hello");
        long repeat = config.integer("repeat", 1);
        if (repeat < 1 || repeat > 10) {
            throw config.error("repeat", "must be 1 to 10");
        }
        System.getLogger("example.greeting").log(System.Logger.Level.INFO,
                "greeting.ready version={0}", server.version());
        return new GreetingHandler(greeting, (int) repeat);
    }
}
