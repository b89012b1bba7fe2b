package io.httpd.core.http1;

import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.Arguments.ArgumentSet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.stream.Stream;

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

    /**
     * A table replayed over every wire, as {@code @EnumSource(Wire.class)} replays one case: each
     * case once per wire, the wire its last argument and in its name.
     */
    static Stream<Arguments> across(ArgumentSet... cases) {
        return Stream.of(cases).flatMap(c -> Stream.of(values()).map(wire -> {
            Object[] args = Arrays.copyOf(c.get(), c.get().length + 1);
            args[args.length - 1] = wire;
            return Arguments.argumentSet(c.getName() + " [" + wire + "]", args);
        }));
    }
}
