package io.httpd.core.http1;

import io.httpd.api.Headers;
import io.httpd.api.Method;

import java.util.List;
import java.util.Locale;

/**
 * The meaning checks on a parsed head, each citing its rule: version, method, request-target,
 * Host, message framing, Expect and persistence. Every violation is an {@link HttpException}.
 */
final class HeadRules {
    private HeadRules() {
    }

    static RequestHead check(RequestParser.RawHead raw) throws HttpException {
        int minor = version(raw.version());
        Method method = Method.of(raw.method());
        // the standard methods but CONNECT (we are not a proxy); others get 501
        if (!Method.STANDARD.contains(method) || method.equals(Method.CONNECT)) {
            throw Violation.METHOD_NOT_IMPLEMENTED.exception();
        }
        Headers headers = raw.headers();
        String target = raw.target();
        String[] pathAndQuery = target(method, target);
        host(headers, minor);
        BodyFraming framing = framing(headers, minor);
        boolean expectContinue = expect(headers, minor, framing);
        return new RequestHead(method, target, pathAndQuery[0], pathAndQuery[1], minor, headers,
                framing, expectContinue, keepAlive(headers, minor));
    }

    /**
     * {@code HTTP-version = "HTTP/" DIGIT "." DIGIT} (RFC 9112 §2.3): 1.0 and 1.1; a higher 1.x
     * is answered as 1.1 (RFC 9110 §6.2); another major version gets 505.
     */
    static int version(String v) throws HttpException {
        if (v.length() != 8 || !v.startsWith("HTTP/") || v.charAt(6) != '.'
                || !isDigit(v.charAt(5)) || !isDigit(v.charAt(7))) {
            throw Violation.MALFORMED_VERSION.exception();
        }
        if (v.charAt(5) != '1') {
            throw Violation.VERSION_NOT_SUPPORTED.exception();
        }
        return v.charAt(7) == '0' ? 0 : 1;
    }

    /** The protocol as AccessRecord defines it: never "HTTP/1.10" nor "HTTP/1.2"; "-" if malformed. */
    static String protocol(String version) {
        try {
            return version(version) == 0 ? "HTTP/1.0" : "HTTP/1.1";
        } catch (HttpException e) {
            return "-";
        }
    }

    /**
     * The request-target forms of RFC 9112 §3.2: origin-form, absolute-form (its path is used;
     * its authority wins over Host), asterisk-form only with OPTIONS. Authority-form is only for
     * CONNECT, refused above.
     *
     * @return the normalized path and the raw query
     */
    static String[] target(Method method, String target) throws HttpException {
        if (target.equals("*")) {
            if (!method.equals(Method.OPTIONS)) {
                throw Violation.ASTERISK_NOT_OPTIONS.exception();
            }
            return new String[] {"*", ""};
        }
        String rest = target;
        if (target.charAt(0) != '/') {
            rest = absoluteFormPath(target);
        }
        int q = rest.indexOf('?');
        String rawPath = q < 0 ? rest : rest.substring(0, q);
        String query = q < 0 ? "" : rest.substring(q + 1);
        return new String[] {TargetPath.normalize(rawPath), query};
    }

    private static String absoluteFormPath(String target) throws HttpException {
        String lower = target.toLowerCase(Locale.ROOT);
        int schemeEnd = lower.startsWith("http://") ? 7 : lower.startsWith("https://") ? 8 : -1;
        if (schemeEnd < 0) {
            throw Violation.TARGET_FORM.exception();
        }
        int pathStart = schemeEnd;
        while (pathStart < target.length() && target.charAt(pathStart) != '/'
                && target.charAt(pathStart) != '?') {
            pathStart++;
        }
        if (pathStart == schemeEnd || !Authority.isValid(target.substring(schemeEnd, pathStart))) {
            throw Violation.TARGET_AUTHORITY.exception();
        }
        String rest = target.substring(pathStart);
        return rest.isEmpty() || rest.charAt(0) == '?' ? "/" + rest : rest;
    }

    /**
     * RFC 9112 §3.2: a server MUST respond 400 to an HTTP/1.1 request without Host, with more
     * than one Host, or with an invalid Host value.
     */
    static void host(Headers headers, int minor) throws HttpException {
        String host = null;
        List<Headers.Field> fields = headers.fields();
        for (int i = 0, n = fields.size(); i < n; i++) { // no list of values: one is the rule
            Headers.Field f = fields.get(i);
            if (f.is("Host")) {
                if (host != null) {
                    throw Violation.HOST_REPEATED.exception();
                }
                host = f.value();
            }
        }
        if (host == null && minor == 1) {
            throw Violation.HOST_MISSING.exception();
        }
        if (host != null && !host.isEmpty() && !Authority.isValid(host)) {
            throw Violation.HOST_INVALID.exception();
        }
    }

    /** RFC 9112 §6.1–§6.3: message body length, refusing every ambiguity. */
    static BodyFraming framing(Headers headers, int minor) throws HttpException {
        List<String> te = values(headers, "Transfer-Encoding");
        List<String> cl = values(headers, "Content-Length");
        if (!te.isEmpty()) {
            if (!cl.isEmpty()) { // §6.3 item 3: a smuggling attempt
                throw Violation.TRANSFER_ENCODING_AND_LENGTH.exception();
            }
            if (minor == 0) { // §6.1: framing from a 1.0 client can't be trusted
                throw Violation.TRANSFER_ENCODING_IN_HTTP10.exception();
            }
            return transferCoding(te);
        }
        return cl.isEmpty() ? BodyFraming.NONE : BodyFraming.length(contentLength(cl));
    }

    private static BodyFraming transferCoding(List<String> values) throws HttpException {
        List<String> codings = Lists.elements(values);
        if (codings.isEmpty()) {
            throw Violation.TRANSFER_ENCODING_EMPTY.exception();
        }
        for (int i = 0; i < codings.size(); i++) {
            boolean chunked = codings.get(i).equalsIgnoreCase("chunked");
            boolean last = i == codings.size() - 1;
            if (chunked && !last) { // §6.1: chunked MUST NOT be applied more than once
                throw Violation.CHUNKED_NOT_FINAL.exception();
            }
            if (!chunked && last) { // §6.3 item 4
                throw Violation.FINAL_CODING_NOT_CHUNKED.exception();
            }
            if (!chunked) {
                throw Violation.CODING_NOT_IMPLEMENTED.exception();
            }
        }
        return BodyFraming.CHUNKED;
    }

    /**
     * {@code Content-Length = 1*DIGIT} (RFC 9110 §8.6). A list of identical values is accepted
     * as one; differing values, signs, spaces inside, overflow and empty elements are 400. An
     * empty element is not skipped as in other lists: a proxy that reads it as 0, or that drops
     * the field, would frame the message differently (CVE-2022-31081).
     */
    static long contentLength(List<String> values) throws HttpException {
        long length = -1;
        for (String value : values) {
            for (String element : value.split(",", -1)) {
                long n = decimal(element.strip());
                if (length >= 0 && n != length) {
                    throw Violation.CONTENT_LENGTH_DIFFERS.exception();
                }
                length = n;
            }
        }
        return length;
    }

    private static long decimal(String element) throws HttpException {
        if (element.isEmpty() || element.length() > 18) {
            throw Violation.CONTENT_LENGTH_INVALID.exception();
        }
        long n = 0;
        for (int i = 0; i < element.length(); i++) {
            char c = element.charAt(i);
            if (!isDigit(c)) {
                throw Violation.CONTENT_LENGTH_INVALID.exception();
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /**
     * RFC 9110 §10.1.1: 100-continue is the only expectation; another gets 417. A 1.0 client
     * never gets a 100, so its expectation is ignored.
     */
    static boolean expect(Headers headers, int minor, BodyFraming framing) throws HttpException {
        List<String> expect = values(headers, "Expect");
        if (expect.isEmpty()) {
            return false;
        }
        for (String value : expect) {
            if (!value.equalsIgnoreCase("100-continue")) {
                throw Violation.EXPECTATION_UNSUPPORTED.exception();
            }
        }
        return minor == 1 && framing.hasBody();
    }

    /** RFC 9112 §9.3: 1.1 persists unless "close"; 1.0 only with "keep-alive". */
    static boolean keepAlive(Headers headers, int minor) {
        boolean close = false;
        boolean keepAlive = false;
        for (String token : Lists.elements(values(headers, "Connection"))) {
            close |= token.equalsIgnoreCase("close");
            keepAlive |= token.equalsIgnoreCase("keep-alive");
        }
        return !close && (minor == 1 || keepAlive);
    }

    /** As {@link Headers#all}, but a field that is absent (the common case) allocates nothing. */
    private static List<String> values(Headers headers, String name) {
        return headers.contains(name) ? headers.all(name) : List.of();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
