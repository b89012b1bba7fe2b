package io.httpd.testkit;

import io.httpd.api.Headers;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A response received from an {@link EmbeddedServer}.
 *
 * @param status  the status code
 * @param headers the header fields (names as the client library reports them; compare them
 *                ignoring case, as {@link Headers} does)
 * @param body    the content, framing removed
 */
public record TestResponse(int status, Headers headers, byte[] body) {
    public TestResponse {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
    }

    /** The content as UTF-8 text. */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The first value of a header field, or {@code null}. */
    public String header(String name) {
        return headers.first(name).orElse(null);
    }
}
