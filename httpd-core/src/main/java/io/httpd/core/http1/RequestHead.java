package io.httpd.core.http1;

import io.httpd.api.Headers;
import io.httpd.api.Method;

/**
 * A parsed and checked request head: what the connection loop needs before it builds the
 * {@link io.httpd.api.Request} for a handler.
 *
 * @param method    the method
 * @param target    the request-target as received
 * @param path      the normalized path (percent-decoded once, dot-segments removed), or
 *                  {@code "*"} for the asterisk-form
 * @param query     the raw query without {@code ?}, empty when absent
 * @param minor     the HTTP minor version: 0 or 1 (1.x above 1 counts as 1)
 * @param headers   the fields in order
 * @param framing   how the content is delimited
 * @param expectContinue whether the client sent {@code Expect: 100-continue}
 * @param keepAlive whether the client allows the connection to persist (RFC 9112 §9.3)
 */
record RequestHead(Method method, String target, String path, String query, int minor,
                   Headers headers, BodyFraming framing, boolean expectContinue,
                   boolean keepAlive) {

    String version() {
        return minor == 0 ? "HTTP/1.0" : "HTTP/1.1";
    }
}
