package io.httpd.core.http1;

import java.io.IOException;

/**
 * Content in the chunked transfer coding (RFC 9112 §7.1), decoded. Strict framing: the size is
 * hex digits only (no sign, no whitespace, at most 15 digits so it cannot overflow); every line
 * ends in CRLF; extensions are bounded and free of control characters; trailer fields are
 * bounded, checked to be field lines and discarded, so they can never override a header field.
 */
final class ChunkedBody extends BodyStream {
    /** Bytes allowed on one chunk-size line, extensions included. */
    static final int MAX_SIZE_LINE = 4096;
    /** Bytes allowed for the whole trailer section. */
    static final int MAX_TRAILER = 8192;

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
            throw HttpException.badRequest("client closed the connection inside a chunk");
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
                throw HttpException.badRequest("chunk size too large");
            }
            size = size << 4 | Character.digit(c, 16);
            c = next();
        }
        if (digits == 0) {
            throw HttpException.badRequest("malformed chunk size");
        }
        int lineBytes = digits;
        while (c != '\r') { // chunk-ext: ignored, but bounded and without controls
            if (c != ';' && lineBytes == digits || (c < 0x20 && c != '\t') || c == 0x7f) {
                throw HttpException.badRequest("malformed chunk extension");
            }
            if (++lineBytes > MAX_SIZE_LINE) {
                throw HttpException.badRequest("chunk extension too long");
            }
            c = next();
        }
        if (next() != '\n') {
            throw HttpException.badRequest("chunk size line not ended by CRLF");
        }
        return size;
    }

    private void crlf() throws IOException {
        if (next() != '\r' || next() != '\n') {
            throw HttpException.badRequest("chunk data not followed by CRLF");
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
                    throw HttpException.badRequest("bare CR in trailer section");
                }
                if (lineBytes == 0) {
                    return;
                }
                if (inName) {
                    throw HttpException.badRequest("malformed trailer field");
                }
                lineBytes = 0;
                inName = true;
            } else if ((c < 0x20 && c != '\t') || c == 0x7f) {
                throw HttpException.badRequest("control character in trailer section");
            } else if (inName && !(c == ':' && lineBytes > 0) && !Grammar.isTchar((byte) c)) {
                throw HttpException.badRequest("malformed trailer field");
            } else {
                inName &= c != ':';
                lineBytes++;
            }
            if (++bytes > MAX_TRAILER) {
                throw HttpException.badRequest("trailer section too large");
            }
        }
    }

    private int next() throws IOException {
        int c = in.read();
        if (c < 0) {
            throw HttpException.badRequest(
                    "client closed the connection inside the chunked framing");
        }
        return c;
    }
}
