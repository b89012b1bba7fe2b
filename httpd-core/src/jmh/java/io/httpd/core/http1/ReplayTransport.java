package io.httpd.core.http1;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;

/**
 * A connection for the benchmarks, in memory: every read returns the same request bytes whole
 * (or the next of several, in turn)
 * (so each parse after the first starts on a fresh fill, as on a keep-alive connection), and
 * what is written is dropped. A bounded one ends its input after that many requests.
 */
final class ReplayTransport implements Transport {
    private final byte[][] requests;
    private int next;
    private int readsLeft;

    ReplayTransport(byte[] request) {
        this(request, Integer.MAX_VALUE);
    }

    /** A client that sends the request this many times, then closes. */
    ReplayTransport(byte[] request, int times) {
        this.requests = new byte[][] {request};
        this.readsLeft = times;
    }

    /** A client that sends these requests in turn, endlessly. */
    ReplayTransport(byte[]... requests) {
        this.requests = requests;
        this.readsLeft = Integer.MAX_VALUE;
    }

    @Override
    public InputStream input() {
        return new InputStream() {
            @Override
            public int read() {
                throw new UnsupportedOperationException("heads are read in blocks");
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (readsLeft == 0) {
                    return -1;
                }
                if (readsLeft != Integer.MAX_VALUE) {
                    readsLeft--;
                }
                byte[] request = requests[next];
                next = (next + 1) % requests.length;
                int n = Math.min(len, request.length);
                System.arraycopy(request, 0, b, off, n);
                return n;
            }
        };
    }

    @Override
    public OutputStream output() {
        return OutputStream.nullOutputStream();
    }

    @Override
    public InetSocketAddress remote() {
        return new InetSocketAddress("127.0.0.1", 50000);
    }

    @Override
    public void readTimeout(int millis) {
    }

    @Override
    public boolean transferFile(FileChannel file, long position, long count) {
        return false;
    }

    @Override
    public void close() {
    }
}
