package io.httpd.core.http1;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The four ways the behaviour tests replay a client's bytes: through the connection loop in
 * memory (all bytes available at once, or one byte per read), and through a real server on a
 * socket, plain and TLS. Each sends every byte, then ends its input, and returns everything the server sent
 * until it closed the connection, with Date values normalized.
 */
enum Wire {
    MEMORY {
        @Override
        String exchange(Http1Context ctx, String request) {
            return TestContext.normalize(MemoryTransport.serve(ctx, request, false));
        }
    },
    ONE_BYTE_READS {
        @Override
        String exchange(Http1Context ctx, String request) {
            return TestContext.normalize(MemoryTransport.serve(ctx, request, true));
        }
    },
    SOCKET {
        @Override
        String exchange(Http1Context ctx, String request) throws InterruptedException {
            return overSocket(ctx, request, null);
        }
    },
    /** The same over TLS 1.3: framing bugs do not care about encryption. */
    TLS {
        @Override
        String exchange(Http1Context ctx, String request) throws InterruptedException {
            return overSocket(ctx, request, TestTls.shared());
        }
    };

    private static String overSocket(Http1Context ctx, String request, TestTls tls)
            throws InterruptedException {
        try (TestServer server = TestServer.start(ctx, tls); RawClient client = server.connect()) {
            client.send(request).shutdownOutput();
            return TestContext.normalize(client.readToEnd());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    abstract String exchange(Http1Context ctx, String request) throws InterruptedException;
}
