package io.httpd.testkit;

import io.httpd.api.Response;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;

/**
 * The content of any {@link Response.Body}, as the server would send it: nothing for
 * {@code Empty}, the array for {@code Bytes}, the file's bytes for {@code FileRegion}, and what
 * the writer writes for {@code Streamed}. A region past the file's end, or a streamed body that
 * writes another number of bytes than it declared, fails as it would on the wire.
 *
 * <pre>{@code
 * assertEquals("Hello, Ada!\n", ResponseContent.text(handler.handle(request)));
 * }</pre>
 */
public final class ResponseContent {
    private ResponseContent() {
    }

    /** The response's content as UTF-8 text. */
    public static String text(Response response) {
        return new String(bytes(response.body()), StandardCharsets.UTF_8);
    }

    /** The response's content. */
    public static byte[] bytes(Response response) {
        return bytes(response.body());
    }

    /** A body's content. */
    public static byte[] bytes(Response.Body body) {
        try {
            return switch (body) {
                case Response.Body.Empty e -> new byte[0];
                case Response.Body.Bytes b -> b.bytes().clone();
                case Response.Body.FileRegion f -> region(f);
                case Response.Body.Streamed s -> streamed(s);
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] region(Response.Body.FileRegion f) throws IOException {
        try (FileChannel channel = FileChannel.open(f.file(), StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(f.length()));
            channel.position(f.offset());
            while (buffer.hasRemaining()) {
                if (channel.read(buffer) < 0) {
                    throw new IOException(f.file() + " ends before offset " + f.offset()
                            + " + length " + f.length());
                }
            }
            return buffer.array();
        }
    }

    private static byte[] streamed(Response.Body.Streamed s) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        s.writer().writeTo(out);
        if (s.length() >= 0 && out.size() != s.length()) {
            throw new IOException("the streamed body declared " + s.length()
                    + " bytes and wrote " + out.size());
        }
        return out.toByteArray();
    }
}
