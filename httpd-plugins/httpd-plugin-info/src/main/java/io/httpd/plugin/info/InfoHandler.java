package io.httpd.plugin.info;

import io.httpd.api.Headers;
import io.httpd.api.Request;
import io.httpd.api.Response;
import io.httpd.api.RouteHandler;
import io.httpd.api.ServerView;
import io.httpd.api.Status;
import tools.jackson.databind.node.ObjectNode;

import java.time.Clock;

/**
 * Answers GET and HEAD with the server's metadata, taken from the live {@link ServerView} at
 * each request: JSON by default, an HTML page when the client prefers {@code text/html}
 * (RFC 9110 §12.5.1). Both carry {@code Vary: Accept} (§12.5.5) so that caches keep them
 * apart, and {@code Cache-Control: no-store} because the counters change with every request.
 */
final class InfoHandler implements RouteHandler {
    static final String JSON_TYPE = "application/json";
    static final String HTML_TYPE = "text/html; charset=utf-8";
    /** The page has no script and needs nothing but its own inline style. */
    static final String HTML_POLICY = "default-src 'none'; style-src 'unsafe-inline'";

    private final ServerView server;
    private final Detail detail;
    private final Clock clock;

    InfoHandler(ServerView server, Detail detail, Clock clock) {
        this.server = server;
        this.detail = detail;
        this.clock = clock;
    }

    /** Answers from what the server holds in memory. */
    @Override
    public boolean blocks() {
        return false;
    }

    @Override
    public Response handle(Request request) {
        ObjectNode document = InfoDocument.of(server, detail, clock.instant());
        return switch (ContentNegotiation.choose(request.headers())) {
            case JSON -> response(InfoDocument.bytes(document), Headers.of(
                    "Content-Type", JSON_TYPE));
            case HTML -> response(InfoPage.html(document), Headers.of(
                    "Content-Type", HTML_TYPE, "Content-Security-Policy", HTML_POLICY));
        };
    }

    private static Response response(byte[] body, Headers type) {
        Headers headers = type.with("Vary", "Accept").with("Cache-Control", "no-store")
                .with("X-Content-Type-Options", "nosniff");
        return new Response(Status.OK, headers, new Response.Body.Bytes(body));
    }
}
