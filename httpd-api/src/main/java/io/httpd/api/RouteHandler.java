package io.httpd.api;

import java.io.IOException;
import java.util.Set;

/**
 * Answers the requests of one route ({@code [[route]]} in httpd.toml).
 *
 * <p><b>Threads.</b> Called concurrently for different connections; it may block, unless it
 * says it does not ({@link #blocks()}). <b>Errors.</b> An exception becomes a 500 response for
 * that request only (logged once with its stack trace), and the connection is closed.
 * <b>Methods.</b> The server calls {@link #handle} only for a method in {@link #methods()}; it
 * answers the others with 405 and Allow, and OPTIONS with Allow.
 */
@FunctionalInterface
public interface RouteHandler extends PluginInstance {
    /**
     * Produces the response to a request. The returned response is owned by the server; a
     * streamed body is written after this method returns, on the same thread.
     */
    Response handle(Request request) throws IOException;

    /** The methods this handler answers; GET implies HEAD. Default: GET and HEAD. */
    default Set<Method> methods() {
        return Set.of(Method.GET, Method.HEAD);
    }
}
