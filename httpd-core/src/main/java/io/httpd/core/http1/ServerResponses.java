package io.httpd.core.http1;

import io.httpd.api.Headers;
import io.httpd.api.Response;
import io.httpd.api.Status;

/** The responses the core writes itself, for errors, rejections and {@code Allow}. */
final class ServerResponses {
    private ServerResponses() {
    }

    /** A validator's fields on its rejection; the framing stays the server's. */
    static Response withFields(Response response, Headers fields) {
        Headers headers = response.headers();
        for (Headers.Field f : fields) {
            if (!f.is("Content-Length") && !f.is("Transfer-Encoding") && !f.is("Connection")) {
                headers = headers.with(f.name(), f.value());
            }
        }
        return new Response(response.status(), headers, response.body());
    }

    /** An answer that only lists the methods: OPTIONS, or 405 (RFC 9110 §15.5.6). */
    static Response allow(Status status, String allow) {
        return new Response(status, Headers.of("Allow", allow), Response.Body.EMPTY);
    }

    /** The server's own error: a short text naming the status and the reason. */
    static Response error(Status status, String reason) {
        return Response.text(status, status.code() + " " + status.reason() + ": " + reason + "\n");
    }
}
