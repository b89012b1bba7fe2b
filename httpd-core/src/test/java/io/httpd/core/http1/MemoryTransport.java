package io.httpd.core.http1;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Transport} in memory: input from a given stream, output into a byte array. It cannot
 * send files itself, so file regions take the copying path. Read timeouts are recorded only: a
 * memory stream never blocks.
 */
final class MemoryTransport implements Transport {
    static final InetSocketAddress REMOTE = new InetSocketAddress("192.0.2.7", 40000);

    private final InputStream in;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final OutputStream guardedOut = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (closed) {
                throw new IOException("transport closed");
            }
            out.write(b, off, len);
        }
    };
    final List<Integer> readTimeouts = new ArrayList<>();
    private boolean closed;

    MemoryTransport(InputStream in) {
        this.in = in;
    }

    /** A transport whose input is these bytes, delivered as the reader asks for them. */
    static MemoryTransport of(byte[] request) {
        return new MemoryTransport(new ByteArrayInputStream(request));
    }

    /** A transport whose input is these bytes, at most one byte per read. */
    static MemoryTransport oneBytePerRead(byte[] request) {
        return new MemoryTransport(oneBytePerRead(new ByteArrayInputStream(request)));
    }

    /** A stream's bytes, at most one byte per read. */
    static InputStream oneBytePerRead(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 1));
            }
        };
    }

    /** Runs a whole connection over request bytes (Latin-1); returns every byte it sent. */
    static String serve(Http1Context ctx, String request, boolean oneBytePerRead) {
        byte[] bytes = request.getBytes(StandardCharsets.ISO_8859_1);
        MemoryTransport t = oneBytePerRead ? oneBytePerRead(bytes) : of(bytes);
        new Connection(t, Generations.fixed(ctx), () -> false).run();
        if (!t.closed) {
            throw new AssertionError("the connection loop ended without closing its transport");
        }
        return t.sent();
    }

    /** What was written so far, as Latin-1. */
    String sent() {
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    boolean closed() {
        return closed;
    }

    @Override
    public InputStream input() {
        return in;
    }

    @Override
    public OutputStream output() {
        return guardedOut;
    }

    @Override
    public InetSocketAddress remote() {
        return REMOTE;
    }

    @Override
    public void readTimeout(int millis) {
        readTimeouts.add(millis);
    }

    @Override
    public boolean transferFile(FileChannel file, long position, long count) {
        return false;
    }

    @Override
    public void close() {
        closed = true;
    }
}
