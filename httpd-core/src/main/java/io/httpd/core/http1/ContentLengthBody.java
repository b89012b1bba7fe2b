package io.httpd.core.http1;

import java.io.IOException;

/** Content delimited by Content-Length (RFC 9112 §6.2); also the empty body. */
final class ContentLengthBody extends BodyStream {
    private long remaining;

    ContentLengthBody(WireReader in, long length, long limit, Continue pendingContinue) {
        super(in, limit, pendingContinue);
        this.remaining = length;
    }

    /**
     * The body of every request without content. One for all: with nothing to read and no 100
     * owed it never touches a reader and no read changes it.
     */
    static final ContentLengthBody EMPTY = new ContentLengthBody(null, 0, 0, null);

    @Override
    protected int readContent(byte[] dst, int off, int len) throws IOException {
        if (remaining == 0) {
            return -1;
        }
        int n = in.read(dst, off, (int) Math.min(len, remaining));
        if (n < 0) {
            throw Violation.CLOSED_IN_BODY.exception();
        }
        remaining -= n;
        return n;
    }

    @Override
    boolean atEnd() {
        return remaining == 0;
    }

    @Override
    public int available() {
        return remaining == 0 ? 0 : (int) Math.min(remaining, in.buffered());
    }
}
