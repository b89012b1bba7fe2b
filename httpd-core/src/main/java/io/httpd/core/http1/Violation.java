package io.httpd.core.http1;

import io.httpd.api.Status;

/**
 * The rules of RFC 9110 and RFC 9112 a request can break, each with the status it is answered
 * with, the reason the server gives (logged as {@code request.reject} and sent in the body) and
 * where the rule is written; in the spirit of Jetty's {@code HttpCompliance}. Every violation
 * closes the connection: after one, the framing of what follows can't be trusted. Tests name
 * these constants rather than copy their text.
 */
enum Violation {
    // the request line (RFC 9112 §2–§3)
    EMPTY_LINES(Status.BAD_REQUEST, "too many empty lines before the request line",
            "RFC 9112 §2.2"),
    REQUEST_LINE_TOO_LONG(Status.URI_TOO_LONG, "request line too long", "RFC 9112 §3"),
    MALFORMED_REQUEST_LINE(Status.BAD_REQUEST, "malformed request line", "RFC 9112 §3"),
    METHOD_TOO_LONG(Status.NOT_IMPLEMENTED, "method too long", "RFC 9112 §3"),
    METHOD_NOT_TOKEN(Status.BAD_REQUEST, "method is not a token", "RFC 9110 §9.1"),
    METHOD_NOT_IMPLEMENTED(Status.NOT_IMPLEMENTED, "method not implemented", "RFC 9110 §9.1"),
    TARGET_CHARACTER(Status.BAD_REQUEST, "invalid character in request-target", "RFC 9112 §3.2"),
    TARGET_FORM(Status.BAD_REQUEST, "request-target is not origin-form or absolute-form",
            "RFC 9112 §3.2"),
    TARGET_AUTHORITY(Status.BAD_REQUEST, "invalid authority in request-target", "RFC 9112 §3.2.2"),
    ASTERISK_NOT_OPTIONS(Status.BAD_REQUEST, "asterisk-form is only for OPTIONS",
            "RFC 9112 §3.2.4"),
    MALFORMED_VERSION(Status.BAD_REQUEST, "malformed HTTP version", "RFC 9112 §2.3"),
    VERSION_NOT_SUPPORTED(Status.HTTP_VERSION_NOT_SUPPORTED, "HTTP version not supported",
            "RFC 9110 §15.6.6"),
    // the path (RFC 3986)
    PATH_PERCENT_ENCODING(Status.BAD_REQUEST, "malformed percent-encoding in path",
            "RFC 3986 §2.1"),
    PATH_CONTROL(Status.BAD_REQUEST, "control character in path", "RFC 3986 §3.3"),
    PATH_NOT_UTF8(Status.BAD_REQUEST, "path is not UTF-8", "RFC 3986 §2.5"),
    PATH_ABOVE_ROOT(Status.BAD_REQUEST, "path climbs above the root", "RFC 3986 §5.2.4"),
    // header fields (RFC 9112 §5, RFC 6585 §5)
    HEADER_SECTION_TOO_LARGE(Status.REQUEST_HEADER_FIELDS_TOO_LARGE, "header section too long",
            "RFC 6585 §5"),
    TOO_MANY_FIELDS(Status.REQUEST_HEADER_FIELDS_TOO_LARGE, "more than %d header fields",
            "RFC 6585 §5"),
    LINE_FOLDING(Status.BAD_REQUEST, "obsolete line folding or leading whitespace",
            "RFC 9112 §5.2"),
    WHITESPACE_BEFORE_COLON(Status.BAD_REQUEST, "whitespace between field name and colon",
            "RFC 9112 §5.1"),
    MALFORMED_FIELD(Status.BAD_REQUEST, "malformed header field", "RFC 9112 §5"),
    FIELD_VALUE_CONTROL(Status.BAD_REQUEST, "control character in a field value", "RFC 9110 §5.5"),
    HOST_MISSING(Status.BAD_REQUEST, "missing Host header", "RFC 9112 §3.2"),
    HOST_REPEATED(Status.BAD_REQUEST, "more than one Host header", "RFC 9112 §3.2"),
    HOST_INVALID(Status.BAD_REQUEST, "invalid Host header", "RFC 9112 §3.2"),
    EXPECTATION_UNSUPPORTED(Status.EXPECTATION_FAILED, "unsupported expectation",
            "RFC 9110 §10.1.1"),
    // message framing (RFC 9112 §6, RFC 9110 §8.6): where smuggling lives
    TRANSFER_ENCODING_AND_LENGTH(Status.BAD_REQUEST, "both Transfer-Encoding and Content-Length",
            "RFC 9112 §6.3"),
    TRANSFER_ENCODING_IN_HTTP10(Status.BAD_REQUEST, "Transfer-Encoding in an HTTP/1.0 request",
            "RFC 9112 §6.1"),
    TRANSFER_ENCODING_EMPTY(Status.BAD_REQUEST, "empty Transfer-Encoding", "RFC 9112 §6.1"),
    CHUNKED_NOT_FINAL(Status.BAD_REQUEST, "chunked is not the final transfer coding",
            "RFC 9112 §6.1"),
    FINAL_CODING_NOT_CHUNKED(Status.BAD_REQUEST, "final transfer coding is not chunked",
            "RFC 9112 §6.3"),
    CODING_NOT_IMPLEMENTED(Status.NOT_IMPLEMENTED, "transfer coding not supported",
            "RFC 9112 §6.1"),
    CONTENT_LENGTH_INVALID(Status.BAD_REQUEST, "invalid Content-Length", "RFC 9110 §8.6"),
    CONTENT_LENGTH_DIFFERS(Status.BAD_REQUEST, "differing Content-Length values", "RFC 9110 §8.6"),
    // the chunked coding (RFC 9112 §7.1)
    CHUNK_SIZE_TOO_LARGE(Status.BAD_REQUEST, "chunk size too large", "RFC 9112 §7.1"),
    CHUNK_SIZE_MALFORMED(Status.BAD_REQUEST, "malformed chunk size", "RFC 9112 §7.1"),
    CHUNK_EXTENSION_MALFORMED(Status.BAD_REQUEST, "malformed chunk extension", "RFC 9112 §7.1.1"),
    CHUNK_EXTENSION_TOO_LONG(Status.BAD_REQUEST, "chunk extension too long", "RFC 9112 §7.1.1"),
    CHUNK_SIZE_LINE_END(Status.BAD_REQUEST, "chunk size line not ended by CRLF", "RFC 9112 §7.1"),
    CHUNK_DATA_END(Status.BAD_REQUEST, "chunk data not followed by CRLF", "RFC 9112 §7.1"),
    CHUNK_FRAMING_EXCESS(Status.BAD_REQUEST, "too much chunk framing for the content",
            "RFC 9112 §7.1"),
    TRAILER_BARE_CR(Status.BAD_REQUEST, "bare CR in trailer section", "RFC 9112 §7.1.2"),
    TRAILER_MALFORMED(Status.BAD_REQUEST, "malformed trailer field", "RFC 9112 §7.1.2"),
    TRAILER_CONTROL(Status.BAD_REQUEST, "control character in trailer section", "RFC 9112 §7.1.2"),
    TRAILER_TOO_LARGE(Status.BAD_REQUEST, "trailer section too large", "RFC 9112 §7.1.2"),
    // the content arriving (RFC 9112 §8, limits of httpd.toml)
    CLOSED_IN_CHUNK(Status.BAD_REQUEST, "client closed the connection inside a chunk",
            "RFC 9112 §8"),
    CLOSED_IN_CHUNKED_FRAMING(Status.BAD_REQUEST,
            "client closed the connection inside the chunked framing", "RFC 9112 §8"),
    CLOSED_IN_BODY(Status.BAD_REQUEST, "client closed the connection inside the request body",
            "RFC 9112 §8"),
    BODY_TOO_LARGE(Status.CONTENT_TOO_LARGE, "request body too large", "RFC 9110 §15.5.14"),
    HEAD_TIMEOUT(Status.REQUEST_TIMEOUT, "request head not received in time", "RFC 9110 §15.5.9"),
    BODY_TIMEOUT(Status.REQUEST_TIMEOUT, "request body not received in time", "RFC 9110 §15.5.9");

    private final Status status;
    private final String reason;
    private final String rule;

    Violation(Status status, String reason, String rule) {
        this.status = status;
        this.reason = reason;
        this.rule = rule;
    }

    /** The status the request is answered with. */
    Status status() {
        return status;
    }

    /** The reason the server gives; {@code %d} in it takes a number ({@link #exception(long)}). */
    String reason() {
        return reason;
    }

    /** Where the rule is written, as {@code RFC 9112 §6.3}. */
    String rule() {
        return rule;
    }

    /** The exception that answers this violation. */
    HttpException exception() {
        return new HttpException(this, reason);
    }

    /** The exception that answers this violation, its reason naming the limit. */
    HttpException exception(long limit) {
        return new HttpException(this, reason.formatted(limit));
    }
}
