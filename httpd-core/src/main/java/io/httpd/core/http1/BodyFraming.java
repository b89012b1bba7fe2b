package io.httpd.core.http1;

/**
 * How a request's content is delimited (RFC 9112 §6.3): not at all, by Content-Length, or by
 * the chunked transfer coding.
 *
 * @param kind   which of the three
 * @param length the Content-Length, or -1 when not {@link Kind#LENGTH}
 */
record BodyFraming(Kind kind, long length) {
    static final BodyFraming NONE = new BodyFraming(Kind.NONE, -1);
    static final BodyFraming CHUNKED = new BodyFraming(Kind.CHUNKED, -1);

    enum Kind { NONE, LENGTH, CHUNKED }

    static BodyFraming length(long length) {
        return length == 0 ? NONE : new BodyFraming(Kind.LENGTH, length);
    }

    boolean hasBody() {
        return kind != Kind.NONE;
    }
}
