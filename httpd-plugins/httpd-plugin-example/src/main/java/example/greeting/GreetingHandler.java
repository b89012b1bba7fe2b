package example.greeting;

import io.httpd.api.Request;
import io.httpd.api.Response;
import io.httpd.api.RouteHandler;
import io.httpd.api.Status;

/** Answers GET (and so HEAD) with the greeting, addressed to {@code ?name=} or to "world". */
final class GreetingHandler implements RouteHandler {
    private final String greeting;
    private final int repeat;

    GreetingHandler(String greeting, int repeat) {
        this.greeting = greeting;
        this.repeat = repeat;
    }

    @Override
    public Response handle(Request request) {
        String name = request.queryParameters().first("name", "world");
        String line = greeting + ", " + name + "!\n";
        return Response.text(Status.OK, line.repeat(repeat));
    }
}
