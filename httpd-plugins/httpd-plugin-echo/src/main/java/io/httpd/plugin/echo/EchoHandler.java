package io.httpd.plugin.echo;

import io.httpd.api.Headers;
import io.httpd.api.Method;
import io.httpd.api.Request;
import io.httpd.api.Response;
import io.httpd.api.RouteHandler;
import io.httpd.api.Status;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Answers with the request as the server parsed it.
 *
 * <ul>
 *   <li>GET and HEAD: 200, {@code text/plain; charset=utf-8}, the request line
 *       ({@code METHOD TARGET VERSION}, the target as received) and then one
 *       {@code Name: value} line per header field in the order received, each line ending in
 *       {@code "\n"}.</li>
 *   <li>POST and PUT: 200 with the request's Content-Type ({@code application/octet-stream}
 *       when absent) and the request content streamed back through a buffer of
 *       {@value #BUFFER_BYTES} bytes, so memory stays bounded whatever the size. The response
 *       length is the request's {@link Request#contentLength()} when it has one, else
 *       unknown (the server then sends chunked).</li>
 * </ul>
 *
 * <p>Stateless and safe to call from many threads at once. Every response carries
 * {@code X-Content-Type-Options: nosniff}, so a browser never renders echoed bytes as a type
 * other than the one declared.
 */
public final class EchoHandler implements RouteHandler {
    /** The size of the copy buffer for request content. */
    static final int BUFFER_BYTES = 16 * 1024;

    static final String DEFAULT_CONTENT_TYPE = "application/octet-stream";

    private static final Set<Method> METHODS = Collections.unmodifiableSequencedSet(
            new LinkedHashSet<>(List.of(Method.GET, Method.HEAD, Method.POST, Method.PUT)));

    /** Creates the handler. */
    public EchoHandler() {
    }

    /** GET, HEAD, POST and PUT, in that order. */
    @Override
    public Set<Method> methods() {
        return METHODS;
    }

    /** Answers from the request itself; reading its content moves it off the poller by itself. */
    @Override
    public boolean blocks() {
        return false;
    }

    @Override
    public Response handle(Request request) {
        Method method = request.method();
        Response response = method.equals(Method.POST) || method.equals(Method.PUT)
                ? echoContent(request)
                : echoHead(request);
        return response.withHeader("X-Content-Type-Options", "nosniff");
    }

    /** The request line and header fields as text. */
    static Response echoHead(Request request) {
        StringBuilder text = new StringBuilder(256)
                .append(request.method().name()).append(' ')
                .append(request.target()).append(' ')
                .append(request.version()).append('\n');
        for (Headers.Field field : request.headers()) {
            text.append(field.name()).append(": ").append(field.value()).append('\n');
        }
        return Response.text(Status.OK, text.toString());
    }

    /** The request content streamed back with its own Content-Type. */
    static Response echoContent(Request request) {
        String contentType = request.header("Content-Type").orElse(DEFAULT_CONTENT_TYPE);
        Response.Body body = new Response.Body.Streamed(request.contentLength().orElse(-1),
                out -> copy(request.body(), out));
        return new Response(Status.OK, Headers.of("Content-Type", contentType), body);
    }

    /** Copies until the end of the content; never closes either stream. */
    static void copy(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[BUFFER_BYTES];
        for (int n; (n = in.read(buffer)) != -1; ) {
            out.write(buffer, 0, n);
        }
    }
}
