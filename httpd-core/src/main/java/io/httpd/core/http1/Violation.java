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
    EMPTY_LINES(400, "too many empty lines before the request line", "RFC 9112 §2.2"),
    REQUEST_LINE_TOO_LONG(414, "request line too long", "RFC 9112 §3"),
    MALFORMED_REQUEST_LINE(400, "malformed request line", "RFC 9112 §3"),
    METHOD_TOO_LONG(501, "method too long", "RFC 9112 §3"),
    METHOD_NOT_TOKEN(400, "method is not a token", "RFC 9110 §9.1"),
    METHOD_NOT_IMPLEMENTED(501, "method not implemented", "RFC 9110 §9.1"),
    TARGET_CHARACTER(400, "invalid character in request-target", "RFC 9112 §3.2"),
    TARGET_FORM(400, "request-target is not origin-form or absolute-form", "RFC 9112 §3.2"),
    TARGET_AUTHORITY(400, "invalid authority in request-target", "RFC 9112 §3.2.2"),
    ASTERISK_NOT_OPTIONS(400, "asterisk-form is only for OPTIONS", "RFC 9112 §3.2.4"),
    MALFORMED_VERSION(400, "malformed HTTP version", "RFC 9112 §2.3"),
    VERSION_NOT_SUPPORTED(505, "HTTP version not supported", "RFC 9110 §15.6.6"),
    // the path (RFC 3986)
    PATH_PERCENT_ENCODING(400, "malformed percent-encoding in path", "RFC 3986 §2.1"),
    PATH_CONTROL(400, "control character in path", "RFC 3986 §3.3"),
    PATH_NOT_UTF8(400, "path is not UTF-8", "RFC 3986 §2.5"),
    PATH_ABOVE_ROOT(400, "path climbs above the root", "RFC 3986 §5.2.4"),
    // header fields (RFC 9112 §5, RFC 6585 §5)
    HEADER_SECTION_TOO_LARGE(431, "header section too long", "RFC 6585 §5"),
    TOO_MANY_FIELDS(431, "more than %d header fields", "RFC 6585 §5"),
    LINE_FOLDING(400, "obsolete line folding or leading whitespace", "RFC 9112 §5.2"),
    WHITESPACE_BEFORE_COLON(400, "whitespace between field name and colon", "RFC 9112 §5.1"),
    MALFORMED_FIELD(400, "malformed header field", "RFC 9112 §5"),
    FIELD_VALUE_CONTROL(400, "control character in a field value", "RFC 9110 §5.5"),
    HOST_MISSING(400, "missing Host header", "RFC 9112 §3.2"),
    HOST_REPEATED(400, "more than one Host header", "RFC 9112 §3.2"),
    HOST_INVALID(400, "invalid Host header", "RFC 9112 §3.2"),
    EXPECTATION_UNSUPPORTED(417, "unsupported expectation", "RFC 9110 §10.1.1"),
    // message framing (RFC 9112 §6, RFC 9110 §8.6): where smuggling lives
    TRANSFER_ENCODING_AND_LENGTH(400, "both Transfer-Encoding and Content-Length", "RFC 9112 §6.3"),
    TRANSFER_ENCODING_IN_HTTP10(400, "Transfer-Encoding in an HTTP/1.0 request", "RFC 9112 §6.1"),
    TRANSFER_ENCODING_EMPTY(400, "empty Transfer-Encoding", "RFC 9112 §6.1"),
    CHUNKED_NOT_FINAL(400, "chunked is not the final transfer coding", "RFC 9112 §6.1"),
    FINAL_CODING_NOT_CHUNKED(400, "final transfer coding is not chunked", "RFC 9112 §6.3"),
    CODING_NOT_IMPLEMENTED(501, "transfer coding not supported", "RFC 9112 §6.1"),
    CONTENT_LENGTH_INVALID(400, "invalid Content-Length", "RFC 9110 §8.6"),
    CONTENT_LENGTH_DIFFERS(400, "differing Content-Length values", "RFC 9110 §8.6"),
    // the chunked coding (RFC 9112 §7.1)
    CHUNK_SIZE_TOO_LARGE(400, "chunk size too large", "RFC 9112 §7.1"),
    CHUNK_SIZE_MALFORMED(400, "malformed chunk size", "RFC 9112 §7.1"),
    CHUNK_EXTENSION_MALFORMED(400, "malformed chunk extension", "RFC 9112 §7.1.1"),
    CHUNK_EXTENSION_TOO_LONG(400, "chunk extension too long", "RFC 9112 §7.1.1"),
    CHUNK_SIZE_LINE_END(400, "chunk size line not ended by CRLF", "RFC 9112 §7.1"),
    CHUNK_DATA_END(400, "chunk data not followed by CRLF", "RFC 9112 §7.1"),
    CHUNK_FRAMING_EXCESS(400, "too much chunk framing for the content", "RFC 9112 §7.1"),
    TRAILER_BARE_CR(400, "bare CR in trailer section", "RFC 9112 §7.1.2"),
    TRAILER_MALFORMED(400, "malformed trailer field", "RFC 9112 §7.1.2"),
    TRAILER_CONTROL(400, "control character in trailer section", "RFC 9112 §7.1.2"),
    TRAILER_TOO_LARGE(400, "trailer section too large", "RFC 9112 §7.1.2"),
    // the content arriving (RFC 9112 §8, limits of httpd.toml)
    CLOSED_IN_CHUNK(400, "client closed the connection inside a chunk", "RFC 9112 §8"),
    CLOSED_IN_CHUNKED_FRAMING(400,
            "client closed the connection inside the chunked framing", "RFC 9112 §8"),
    CLOSED_IN_BODY(400, "client closed the connection inside the request body", "RFC 9112 §8"),
    FAILED_IN_BODY(400, "connection failed inside the request body: %s", "RFC 9112 §8"),
    BODY_TOO_LARGE(413, "request body too large", "RFC 9110 §15.5.14"),
    HEAD_TIMEOUT(408, "request head not received in time", "RFC 9110 §15.5.9"),
    BODY_TIMEOUT(408, "request body not received in time", "RFC 9110 §15.5.9");

    /** The status the request is answered with. */
    final Status status;
    /** The reason the server gives; {@code %d} in it takes a number ({@link #exception(long)}). */
    final String reason;
    /** Where the rule is written, as {@code RFC 9112 §6.3}. */
    final String rule;

    Violation(int status, String reason, String rule) {
        this.status = Status.of(status);
        this.reason = reason;
        this.rule = rule;
    }

    /** The exception that answers this violation. */
    HttpException exception() {
        return new HttpException(this, reason);
    }

    /** The exception that answers this violation, its reason naming what happened. */
    HttpException exception(String detail) {
        return new HttpException(this, reason.formatted(detail));
    }

    /** The exception that answers this violation, its reason naming the limit. */
    HttpException exception(long limit) {
        return new HttpException(this, reason.formatted(limit));
    }
}
