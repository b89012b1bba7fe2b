package io.httpd.testkit;

import io.httpd.api.PluginConfig;
import io.httpd.api.Response;
import io.httpd.api.RouteHandler;
import io.httpd.api.RouteHandlerProvider;
import io.httpd.api.ServerView;
import io.httpd.api.Status;

import java.time.Duration;
import java.util.List;

/** A route handler that reads one key of every type, and answers with what it read. */
final class KnobsProvider extends RouteHandlerProvider.Base {
    KnobsProvider() {
        super("knobs", KnobsProvider::handler);
    }

    private static RouteHandler handler(PluginConfig config, ServerView server) {
        String text = config.string("text", "hi");
        long count = config.integer("count", 1);
        boolean loud = config.bool("loud", false);
        long size = config.size("size", 1024);
        Duration wait = config.duration("wait", Duration.ofSeconds(1));
        List<String> tags = config.strings("tags", List.of());
        config.path("file");
        config.table("nested").ifPresent(n -> n.string("inner"));
        if (count > 10) {
            throw config.error("count", "must be 10 or less");
        }
        if (text.equals("boom")) {
            throw new IllegalStateException("boom");
        }
        String answer = text + " " + count + " " + loud + " " + size + " " + wait + " " + tags
                + " " + server.version() + "\n";
        return request -> Response.text(Status.OK, answer);
    }
}
