package io.httpd.core.http1;


import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;

/**
 * The request content a handler reads: decoded from its framing, bounded by the route's body
 * limit, and answering {@code Expect: 100-continue} on the first read. Reading past the limit
 * throws a 413 {@link HttpException}; a client that closes (or resets) early a 400 one
 * (RFC 9112 §8: an incomplete message), one too slow a 408, so a handler that lets it through
 * is not blamed with a 500.
 */
abstract sealed class BodyStream extends InputStream permits ContentLengthBody, ChunkedBody {
    /** Sends the interim 100 response; null when none is owed. */
    interface Continue {
        void send() throws IOException;
    }

    protected final WireReader in;
    private final long limit;
    private Continue pendingContinue;
    private long received;

    BodyStream(WireReader in, long limit, Continue pendingContinue) {
        this.in = in;
        this.limit = limit;
        this.pendingContinue = pendingContinue;
    }

    /** Reads decoded content into dst; -1 at its end. */
    protected abstract int readContent(byte[] dst, int off, int len) throws IOException;

    /** Whether the whole content, framing included, has been consumed. */
    abstract boolean atEnd();

    /** Whether the client is still waiting for a 100 before it sends the content. */
    final boolean continuePending() {
        return pendingContinue != null;
    }

    @Override
    public final int read(byte[] dst, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, dst.length);
        if (len == 0) {
            return 0;
        }
        sendContinue();
        int n;
        try {
            n = readContent(dst, off, len);
        } catch (SocketTimeoutException e) { // the client's delay, not the handler's failure
            throw Violation.BODY_TIMEOUT.exception();
        } catch (HttpException e) {
            throw e;
        } catch (IOException e) { // a reset: the client's doing too, not a handler's error
            throw Violation.FAILED_IN_BODY.exception(e.getMessage());
        }
        if (n > 0) {
            received += n;
            if (received > limit) {
                throw Violation.BODY_TOO_LARGE.exception();
            }
        }
        return n;
    }

    /** Sends the 100 now if one is owed: before a final response whose writer may read. */
    final void sendContinue() throws IOException {
        if (pendingContinue != null) {
            Continue c = pendingContinue;
            pendingContinue = null;
            c.send();
        }
    }

    @Override
    public final int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    /**
     * Reads and discards what is left, up to {@code max} bytes of content, without sending a
     * 100.
     *
     * @return whether the end was reached, so the connection can read the next request
     */
    final boolean drain(long max) throws IOException {
        pendingContinue = null;
        byte[] scratch = new byte[8192];
        long left = max;
        while (!atEnd() && left > 0) {
            int n = readContent(scratch, 0, (int) Math.min(scratch.length, left));
            if (n < 0) {
                break;
            }
            left -= n;
        }
        return atEnd();
    }
}
