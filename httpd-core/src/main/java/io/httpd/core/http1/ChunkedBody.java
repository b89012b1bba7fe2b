package io.httpd.core.http1;

import java.io.IOException;

/**
 * Content in the chunked transfer coding (RFC 9112 §7.1), decoded. Strict framing: the size is
 * hex digits only (no sign, no whitespace, at most 15 digits so it cannot overflow); every line
 * ends in CRLF; extensions are bounded and free of control characters; trailer fields are
 * bounded, checked to be field lines and discarded, so they can never override a header field.
 *
 * <p><b>Framing overhead.</b> RFC 9112 §7.1.1: a server "ought to limit the total length of
 * chunk extensions received in a request" and answer a 4xx past it. One line is bounded by
 * {@link #MAX_SIZE_LINE}; the whole message by a budget taken from Go's net/http (the fix for
 * CVE-2023-39326): each chunk may carry {@value #FRAMING_PER_CHUNK} bytes of framing (size line
 * with its CRLF, and the CRLF after the data) plus twice its data for free; what goes beyond
 * adds up, never below zero, and past {@value #MAX_FRAMING_EXCESS} bytes the request is 400 and
 * the connection closes. One-byte chunks (5 bytes of framing each) and per-chunk signatures on
 * real data stay well inside; 100,000 one-byte chunks with 1 KB extensions fail at the 17th.
 * 400, not 413: the content is not too large (413 would invite a retry with less), the framing
 * around it is abusive, as an over-long extension line already is.
 */
final class ChunkedBody extends BodyStream {
    /** Bytes allowed on one chunk-size line, extensions included. */
    static final int MAX_SIZE_LINE = 4096;
    /** Bytes allowed for the whole trailer section. */
    static final int MAX_TRAILER = 8192;
    /** Framing bytes each chunk may carry whatever its size (Go's net/http allows the same). */
    static final int FRAMING_PER_CHUNK = 16;
    /** Framing beyond the allowance, summed over the message, that is still accepted. */
    static final int MAX_FRAMING_EXCESS = 16 * 1024;

    private long framingExcess; // framing beyond each chunk's allowance, never below zero

    private long chunkLeft;  // data bytes left in the current chunk
    private boolean done;

    ChunkedBody(WireReader in, long limit, Continue pendingContinue) {
        super(in, limit, pendingContinue);
    }

    @Override
    protected int readContent(byte[] dst, int off, int len) throws IOException {
        if (done) {
            return -1;
        }
        if (chunkLeft == 0) {
            chunkLeft = sizeLine();
            if (chunkLeft == 0) {
                trailers();
                done = true;
                return -1;
            }
        }
        int n = in.read(dst, off, (int) Math.min(len, chunkLeft));
        if (n < 0) {
            throw Violation.CLOSED_IN_CHUNK.exception();
        }
        chunkLeft -= n;
        if (chunkLeft == 0) {
            crlf();
        }
        return n;
    }

    @Override
    boolean atEnd() {
        return done;
    }

    /** {@code chunk-size [ chunk-ext ] CRLF}. */
    private long sizeLine() throws IOException {
        long size = 0;
        int digits = 0;
        int c = next();
        while (Character.digit(c, 16) >= 0) {
            if (++digits > 15) {
                throw Violation.CHUNK_SIZE_TOO_LARGE.exception();
            }
            size = size << 4 | Character.digit(c, 16);
            c = next();
        }
        if (digits == 0) {
            throw Violation.CHUNK_SIZE_MALFORMED.exception();
        }
        int lineBytes = digits;
        while (c != '\r') { // chunk-ext: ignored, but bounded and without controls
            if (c != ';' && lineBytes == digits || (c < 0x20 && c != '\t') || c == 0x7f) {
                throw Violation.CHUNK_EXTENSION_MALFORMED.exception();
            }
            if (++lineBytes > MAX_SIZE_LINE) {
                throw Violation.CHUNK_EXTENSION_TOO_LONG.exception();
            }
            c = next();
        }
        if (next() != '\n') {
            throw Violation.CHUNK_SIZE_LINE_END.exception();
        }
        chargeFraming(lineBytes + 2 + (size > 0 ? 2 : 0), size);
        return size;
    }

    /** Adds a chunk's framing beyond its allowance to the message's excess; 400 past the bound. */
    private void chargeFraming(int framing, long size) throws HttpException {
        long allowance = FRAMING_PER_CHUNK + 2 * Math.min(size, Integer.MAX_VALUE);
        framingExcess = Math.max(0, framingExcess + framing - allowance);
        if (framingExcess > MAX_FRAMING_EXCESS) {
            throw Violation.CHUNK_FRAMING_EXCESS.exception();
        }
    }

    private void crlf() throws IOException {
        if (next() != '\r' || next() != '\n') {
            throw Violation.CHUNK_DATA_END.exception();
        }
    }

    /**
     * {@code trailer-section = *( field-line CRLF )} then CRLF: read, bounded, discarded. Each
     * line must at least be {@code field-name ":" ...}: a line that is not a field line (a
     * request line, a folded line) would be read as the next request by a front end that ends
     * the content at the last chunk, while we read it as a trailer.
     */
    private void trailers() throws IOException {
        int bytes = 0;
        int lineBytes = 0;
        boolean inName = true; // before the line's colon
        while (true) {
            int c = next();
            if (c == '\r') {
                if (next() != '\n') {
                    throw Violation.TRAILER_BARE_CR.exception();
                }
                if (lineBytes == 0) {
                    return;
                }
                if (inName) {
                    throw Violation.TRAILER_MALFORMED.exception();
                }
                lineBytes = 0;
                inName = true;
            } else if ((c < 0x20 && c != '\t') || c == 0x7f) {
                throw Violation.TRAILER_CONTROL.exception();
            } else if (inName && !(c == ':' && lineBytes > 0) && !Grammar.isTchar((byte) c)) {
                throw Violation.TRAILER_MALFORMED.exception();
            } else {
                inName &= c != ':';
                lineBytes++;
            }
            if (++bytes > MAX_TRAILER) {
                throw Violation.TRAILER_TOO_LARGE.exception();
            }
        }
    }

    private int next() throws IOException {
        int c = in.read();
        if (c < 0) {
            throw Violation.CLOSED_IN_CHUNKED_FRAMING.exception();
        }
        return c;
    }
}
