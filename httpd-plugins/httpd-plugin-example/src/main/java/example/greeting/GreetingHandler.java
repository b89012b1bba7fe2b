package example.greeting;

import io.httpd.api.Request;
import io.httpd.api.Response;
import io.httpd.api.RouteHandler;
import io.httpd.api.Status;

/**
 * Answers GET (and so HEAD) with the greeting, addressed to {@code ?name=} or to "world".
 *
 * @param greeting the word before the name
 * @param repeat   how many times the line is sent
 */
record GreetingHandler(String greeting, int repeat) implements RouteHandler {
    @Override
    public Response handle(Request request) {
        String name = request.queryParameters().first("name", "world");
        String line = greeting + ", " + name + "!\n";
        return Response.text(Status.OK, line.repeat(repeat));
    }

    /** It answers from memory and never waits: the server may run it on its poller's thread. */
    @Override
    public boolean blocks() {
        return false;
    }
}
