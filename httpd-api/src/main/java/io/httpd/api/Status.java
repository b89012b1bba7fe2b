package io.httpd.api;

/**
 * A response status code with its reason phrase (RFC 9110 §15).
 *
 * @param code   three digits, 100 to 999
 * @param reason the reason phrase sent on the status line; may be empty
 */
public record Status(int code, String reason) {
    public static final Status CONTINUE = new Status(100, "Continue");
    public static final Status OK = new Status(200, "OK");
    public static final Status CREATED = new Status(201, "Created");
    public static final Status NO_CONTENT = new Status(204, "No Content");
    public static final Status PARTIAL_CONTENT = new Status(206, "Partial Content");
    public static final Status MOVED_PERMANENTLY = new Status(301, "Moved Permanently");
    public static final Status FOUND = new Status(302, "Found");
    public static final Status NOT_MODIFIED = new Status(304, "Not Modified");
    public static final Status BAD_REQUEST = new Status(400, "Bad Request");
    public static final Status UNAUTHORIZED = new Status(401, "Unauthorized");
    public static final Status FORBIDDEN = new Status(403, "Forbidden");
    public static final Status NOT_FOUND = new Status(404, "Not Found");
    public static final Status METHOD_NOT_ALLOWED = new Status(405, "Method Not Allowed");
    public static final Status REQUEST_TIMEOUT = new Status(408, "Request Timeout");
    public static final Status LENGTH_REQUIRED = new Status(411, "Length Required");
    public static final Status PRECONDITION_FAILED = new Status(412, "Precondition Failed");
    public static final Status CONTENT_TOO_LARGE = new Status(413, "Content Too Large");
    public static final Status URI_TOO_LONG = new Status(414, "URI Too Long");
    public static final Status RANGE_NOT_SATISFIABLE = new Status(416, "Range Not Satisfiable");
    public static final Status UNSUPPORTED_MEDIA_TYPE = new Status(415, "Unsupported Media Type");
    public static final Status EXPECTATION_FAILED = new Status(417, "Expectation Failed");
    public static final Status TOO_MANY_REQUESTS = new Status(429, "Too Many Requests");
    public static final Status REQUEST_HEADER_FIELDS_TOO_LARGE =
            new Status(431, "Request Header Fields Too Large");
    public static final Status INTERNAL_SERVER_ERROR = new Status(500, "Internal Server Error");
    public static final Status NOT_IMPLEMENTED = new Status(501, "Not Implemented");
    public static final Status SERVICE_UNAVAILABLE = new Status(503, "Service Unavailable");
    public static final Status HTTP_VERSION_NOT_SUPPORTED =
            new Status(505, "HTTP Version Not Supported");

    private static final Status[] KNOWN = {
        CONTINUE, OK, CREATED, NO_CONTENT, PARTIAL_CONTENT, MOVED_PERMANENTLY, FOUND, NOT_MODIFIED,
        BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, METHOD_NOT_ALLOWED, REQUEST_TIMEOUT, LENGTH_REQUIRED,
        PRECONDITION_FAILED, CONTENT_TOO_LARGE, URI_TOO_LONG, RANGE_NOT_SATISFIABLE,
        EXPECTATION_FAILED, TOO_MANY_REQUESTS, REQUEST_HEADER_FIELDS_TOO_LARGE,
        INTERNAL_SERVER_ERROR, NOT_IMPLEMENTED, SERVICE_UNAVAILABLE, HTTP_VERSION_NOT_SUPPORTED,
    };

    public Status {
        if (code < 100 || code > 999) {
            throw new IllegalArgumentException("status code out of range: " + code);
        }
        if (reason == null || !Token.isFieldValue(reason) || reason.indexOf('\t') >= 0) {
            throw new IllegalArgumentException("bad reason phrase for " + code);
        }
    }

    /** Returns the constant for a code this class names, else a status with an empty reason. */
    public static Status of(int code) {
        for (Status s : KNOWN) {
            if (s.code == code) {
                return s;
            }
        }
        return new Status(code, "");
    }

    /** Whether a response with this status never has content (1xx, 204, 304; RFC 9110 §6.4.1). */
    public boolean isBodyless() {
        return code < 200 || code == 204 || code == 304;
    }

    @Override
    public String toString() {
        return code + " " + reason;
    }
}
