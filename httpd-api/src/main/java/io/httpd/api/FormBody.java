package io.httpd.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * A request body of type {@code application/x-www-form-urlencoded} (an HTML form's POST), read
 * whole up to a bound and decoded into {@link Parameters}. Either the fields, or a response to
 * send instead: 415 when the body is of another type, 413 when it is larger than the bound
 * (the route's own {@code body_bytes} limit still applies first).
 *
 * <pre>{@code
 * return switch (FormBody.read(request, 16 * 1024)) {
 *     case FormBody.Fields(Parameters form) -> Response.text(Status.OK, form.first("name", "?"));
 *     case FormBody.Refused(Response refusal) -> refusal;
 * };
 * }</pre>
 */
public sealed interface FormBody {
    /** The media type this reads (WHATWG URL §5). */
    String MEDIA_TYPE = "application/x-www-form-urlencoded";

    /**
     * The decoded fields.
     *
     * @param fields the name-value pairs in the order sent
     */
    record Fields(Parameters fields) implements FormBody {
        public Fields {
            Objects.requireNonNull(fields, "fields");
        }
    }

    /**
     * The body was not a form of the allowed size.
     *
     * @param response a 413 or 415 response to return
     */
    record Refused(Response response) implements FormBody {
        public Refused {
            Objects.requireNonNull(response, "response");
        }
    }

    /**
     * Reads the request body as a form; call it once, on the handler's thread.
     *
     * @param maxBytes the largest body accepted, in bytes
     * @throws IOException when the client goes away or exceeds the route's limit while sending
     */
    static FormBody read(Request request, int maxBytes) throws IOException {
        String type = request.header("Content-Type").orElse("");
        int semicolon = type.indexOf(';');
        String mediaType = (semicolon < 0 ? type : type.substring(0, semicolon)).strip();
        if (!mediaType.toLowerCase(Locale.ROOT).equals(MEDIA_TYPE)) {
            return new Refused(Response.text(Status.UNSUPPORTED_MEDIA_TYPE,
                    "415 Unsupported Media Type: expected " + MEDIA_TYPE + "\n"));
        }
        if (request.contentLength().orElse(0) > maxBytes) {
            return tooLarge(maxBytes);
        }
        byte[] body = request.body().readNBytes(maxBytes + 1);
        if (body.length > maxBytes) {
            return tooLarge(maxBytes);
        }
        return new Fields(Parameters.parse(new String(body, StandardCharsets.UTF_8)));
    }

    private static Refused tooLarge(int maxBytes) {
        return new Refused(Response.text(Status.CONTENT_TOO_LARGE,
                "413 Content Too Large: a form of at most " + maxBytes + " bytes\n"));
    }
}
