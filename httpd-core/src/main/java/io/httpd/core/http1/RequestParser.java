package io.httpd.core.http1;

import io.httpd.api.Headers;
import io.httpd.api.Method;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads one request head from a connection's {@link WireReader}: a bounded pull parser over
 * bytes (RFC 9112 §2–§5). It checks syntax only; {@link HeadRules} checks meaning.
 *
 * <p>Line ends: CRLF, or a bare LF (RFC 9112 §2.2 lets a recipient accept it); a CR anywhere
 * else is an error. Because the head ends at the first empty line either way, and bodies are
 * framed only by Content-Length or chunked, the two spellings can't make two parties disagree
 * on where a message ends.
 */
final class RequestParser {
    /**
     * The longest method the server knows: a longer one can only be answered 501 (RFC 9110
     * §9.1, RFC 9112 §3), so it is, as soon as that many token bytes arrived.
     */
    static final int MAX_METHOD_LENGTH = Method.STANDARD.stream()
            .mapToInt(m -> m.name().length()).max().orElseThrow();

    private final WireReader in;
    private final int requestLineLimit;
    private final int headerBytesLimit;
    private final int headerCountLimit;
    private int scanned; // bytes after position() already searched for LF
    // the request line of the head being read (method null until it was read whole); the
    // target is kept to the next line, which reuses it when it is the same
    private String method;
    private String target;
    private String version;
    /** The fields of the head being read; Headers.of copies them, so it is reused. */
    private final List<Headers.Field> fields = new ArrayList<>(16);
    /**
     * The previous head's fields. A client on a keep-alive connection tends to repeat its field
     * lines: a line the same as the one at its place before reuses that field, and a head all
     * of whose lines are the same reuses these headers (all immutable), allocating nothing.
     */
    private Headers previous = Headers.EMPTY;
    /**
     * The previous head's bytes, from its request line to its empty line, when it parsed, came
     * in one piece and was at most {@link #REPEAT_BYTES} long; and what it parsed to. A client
     * on a keep-alive connection often sends the very same head again (a poll, a benchmark, a
     * health check): the same bytes parse to the same head, so it is not parsed again.
     */
    private byte[] lastBytes = new byte[0]; // as long as the longest head kept so far
    private int lastLength; // 0: none
    private RawHead last;
    static final int REPEAT_BYTES = 1024;

    RequestParser(WireReader in, int requestLineLimit, int headerBytesLimit, int headerCountLimit) {
        this.in = in;
        this.requestLineLimit = requestLineLimit;
        this.headerBytesLimit = headerBytesLimit;
        this.headerCountLimit = headerCountLimit;
    }

    /**
     * The raw parts of a head.
     *
     * @param method  the method token
     * @param target  the request-target
     * @param version the HTTP-version text, checked for form only
     * @param headers the field lines
     */
    record RawHead(String method, String target, String version, Headers headers) {
    }

    /**
     * Reads the next head. The caller sets the reader's deadline.
     *
     * @return null when the client closed the connection cleanly before sending a byte
     */
    RawHead read() throws IOException {
        RawHead same = repeated();
        if (same != null) {
            return same;
        }
        method = null;
        int lineEnd = nextLine(requestLineLimit, true, Violation.REQUEST_LINE_TOO_LONG);
        int skipped = 0;
        while (lineEnd >= 0 && contentEnd(lineEnd) == in.position()) {
            // RFC 9112 §2.2: ignore at least one empty line before the request-line
            skipped += lineEnd + 1 - in.position();
            if (skipped > requestLineLimit) {
                throw Violation.EMPTY_LINES.exception();
            }
            consumeLine(lineEnd);
            lineEnd = nextLine(requestLineLimit, true, Violation.REQUEST_LINE_TOO_LONG);
        }
        if (lineEnd < 0) {
            return null;
        }
        int begin = in.position();
        int fills = in.fills();
        lastLength = 0;
        requestLine(begin, contentEnd(lineEnd));
        consumeLine(lineEnd);
        RawHead head = new RawHead(method, target, version, headers());
        int length = in.position() - begin;
        if (in.fills() == fills && length <= REPEAT_BYTES) { // its bytes are where they were
            if (lastBytes.length < length) {
                lastBytes = new byte[length];
            }
            System.arraycopy(in.buffer(), begin, lastBytes, 0, length);
            lastLength = length;
            last = head;
        }
        return head;
    }

    /**
     * The previous head, when the reader holds its very bytes now (vectorized comparison): they
     * passed every check of this parser once, and parse to the same immutable parts.
     */
    private RawHead repeated() {
        int at = in.position();
        if (lastLength == 0 || in.limit() - at < lastLength
                || !Arrays.equals(in.buffer(), at, at + lastLength, lastBytes, 0, lastLength)) {
            return null;
        }
        in.skip(lastLength);
        method = last.method(); // for requestLine(), as after a parse
        target = last.target();
        version = last.version();
        return last;
    }

    private Headers headers() throws IOException {
        fields.clear();
        List<Headers.Field> before = previous.fields();
        boolean repeated = true; // every line so far the same as the one at its place before
        int budget = headerBytesLimit;
        while (true) {
            int lineEnd = nextLine(budget, false, Violation.HEADER_SECTION_TOO_LARGE);
            int start = in.position();
            int end = contentEnd(lineEnd);
            budget -= lineEnd + 1 - start;
            if (end == start) {
                consumeLine(lineEnd);
                if (!repeated || fields.size() != before.size()) {
                    previous = Headers.of(fields);
                }
                return previous;
            }
            int i = fields.size();
            if (i == headerCountLimit) {
                throw Violation.TOO_MANY_FIELDS.exception(headerCountLimit);
            }
            Headers.Field same = i < before.size() && sameLine(before.get(i), start, end)
                    ? before.get(i) : null;
            repeated &= same != null;
            fields.add(same != null ? same : field(start, end));
            consumeLine(lineEnd);
        }
    }

    /**
     * Whether the line holds {@code name ": " value} of this field, byte for byte: such a line
     * parses to that very field (its name a token, its value checked and trimmed before).
     */
    private boolean sameLine(Headers.Field f, int start, int end) {
        byte[] buf = in.buffer();
        int n = f.name().length();
        return end - start == n + 2 + f.value().length() && buf[start + n] == ':'
                && buf[start + n + 1] == ' ' && KnownTokens.matches(f.name(), buf, start)
                && KnownTokens.matches(f.value(), buf, start + n + 2);
    }

    /**
     * Finds the LF ending the line at the reader's position, filling as needed.
     *
     * @return the LF's index in the buffer, or -1 on a clean end of stream before any byte
     */
    private int nextLine(int max, boolean first, Violation tooLong) throws IOException {
        byte[] buf = in.buffer();
        while (true) {
            int start = in.position();
            if (first) {
                methodSoFar(buf, start, in.limit());
            }
            for (int i = start + scanned; i < in.limit(); i++) {
                if (buf[i] == '\n') {
                    scanned = 0;
                    if (contentEnd(i) - start > max) { // the limit is on content, CRLF or LF alike
                        throw tooLong.exception();
                    }
                    return i;
                }
            }
            scanned = in.limit() - start;
            if (scanned > max + 1) { // + 1: the CR of a CRLF may still follow the content
                throw tooLong.exception();
            }
            if (!in.fill()) {
                if (first && scanned == 0) {
                    return -1;
                }
                throw new java.io.EOFException("connection closed inside the request head");
            }
        }
    }

    /**
     * Fails fast on bytes that cannot begin a request (RFC 9112 §2.2, §3), without waiting for
     * a line end or the header timeout: before the first SP, only token bytes may come (or, as
     * the first byte, the CR or LF of an empty line; not SP), and no more than {@link
     * #MAX_METHOD_LENGTH} of them. A TLS ClientHello (0x16), a NUL or a control byte is 400.
     */
    private static void methodSoFar(byte[] buf, int start, int limit) throws HttpException {
        for (int i = start; i < limit && (buf[i] != ' ' || i == start); i++) {
            if (!Grammar.isTchar(buf[i])) {
                if (buf[i] == '\r' || buf[i] == '\n') {
                    return; // a line end: the line rules judge it
                }
                throw Violation.METHOD_NOT_TOKEN.exception();
            }
            if (i - start == MAX_METHOD_LENGTH) {
                throw Violation.METHOD_TOO_LONG.exception();
            }
        }
    }

    /** The end of a line's content: before the LF, and before a CR right in front of it. */
    private int contentEnd(int lineFeed) {
        int start = in.position();
        return lineFeed > start && in.buffer()[lineFeed - 1] == '\r' ? lineFeed - 1 : lineFeed;
    }

    private void consumeLine(int lineFeed) {
        in.skip(lineFeed + 1 - in.position());
        scanned = 0;
    }

    /**
     * The request line of the head being read (fields empty), once it was read: what a
     * rejection of the header section can still log. Null before.
     */
    RawHead requestLine() {
        return method == null ? null : new RawHead(method, target, version, Headers.EMPTY);
    }

    /**
     * {@code request-line = method SP request-target SP HTTP-version} (RFC 9112 §3): sets
     * {@link #method}, {@link #target} (the previous one's String when it is the same) and
     * {@link #version}.
     */
    private void requestLine(int start, int end) throws HttpException {
        byte[] buf = in.buffer();
        int sp1 = indexOf(buf, start, end, (byte) ' ');
        if (sp1 <= start) { // none, or an empty method, which Method would refuse with an IAE
            throw Violation.MALFORMED_REQUEST_LINE.exception();
        }
        if (sp1 - start > MAX_METHOD_LENGTH) {
            throw Violation.METHOD_TOO_LONG.exception();
        }
        for (int i = start; i < sp1; i++) {
            if (!Grammar.isTchar(buf[i])) {
                throw Violation.METHOD_NOT_TOKEN.exception();
            }
        }
        int sp2 = indexOf(buf, sp1 + 1, end, (byte) ' ');
        if (sp2 < 0 || sp1 + 1 == sp2) {
            throw Violation.MALFORMED_REQUEST_LINE.exception();
        }
        for (int i = sp1 + 1; i < sp2; i++) {
            if (!Grammar.isTargetChar(buf[i])) {
                throw Violation.TARGET_CHARACTER.exception();
            }
        }
        for (int i = sp2 + 1; i < end; i++) {
            if (buf[i] == '\r' || buf[i] == ' ') {
                throw Violation.MALFORMED_REQUEST_LINE.exception();
            }
        }
        if (target == null || target.length() != sp2 - sp1 - 1
                || !KnownTokens.matches(target, buf, sp1 + 1)) {
            target = ascii(buf, sp1 + 1, sp2);
        }
        version = KnownTokens.of(buf, sp2 + 1, end);
        method = KnownTokens.of(buf, start, sp1); // last: the line was read whole
    }

    /** {@code field-line = field-name ":" OWS field-value OWS} (RFC 9112 §5). */
    private Headers.Field field(int start, int end) throws HttpException {
        byte[] buf = in.buffer();
        if (buf[start] == ' ' || buf[start] == '\t') {
            throw Violation.LINE_FOLDING.exception();
        }
        int colon = start;
        while (colon < end && Grammar.isTchar(buf[colon])) {
            colon++;
        }
        if (colon == end || buf[colon] != ':' || colon == start) {
            throw (colon < end && (buf[colon] == ' ' || buf[colon] == '\t')
                    ? Violation.WHITESPACE_BEFORE_COLON : Violation.MALFORMED_FIELD).exception();
        }
        int from = colon + 1;
        int to = end;
        while (from < to && (buf[from] == ' ' || buf[from] == '\t')) {
            from++;
        }
        while (to > from && (buf[to - 1] == ' ' || buf[to - 1] == '\t')) {
            to--;
        }
        for (int i = from; i < to; i++) {
            if (!Grammar.isFieldValueByte(buf[i])) {
                throw Violation.FIELD_VALUE_CONTROL.exception();
            }
        }
        return new Headers.Field(KnownTokens.of(buf, start, colon),
                new String(buf, from, to - from, StandardCharsets.ISO_8859_1));
    }

    private static int indexOf(byte[] buf, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (buf[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static String ascii(byte[] buf, int from, int to) {
        return new String(buf, from, to - from, StandardCharsets.ISO_8859_1);
    }
}
