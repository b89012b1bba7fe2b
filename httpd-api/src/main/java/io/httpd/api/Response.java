package io.httpd.api;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A response from a handler. The server adds the framing fields (Content-Length or
 * Transfer-Encoding), Date, Server and Connection; a handler's own values of these are
 * replaced. For HEAD requests and for 1xx, 204 and 304 the server sends the head only.
 *
 * @param status  the status
 * @param headers the handler's header fields
 * @param body    the content
 */
public record Response(Status status, Headers headers, Body body) {
    public Response {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
    }

    // the fields of text() and json(), made once: Headers are immutable
    private static final Headers TEXT = Headers.of("Content-Type", "text/plain; charset=utf-8");
    private static final Headers JSON = Headers.of("Content-Type", "application/json");

    /** A response with a UTF-8 {@code text/plain} body. */
    public static Response text(Status status, String text) {
        return new Response(status, TEXT, new Body.Bytes(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A response with a JSON body (RFC 8259) that the caller already serialized, with any JSON
     * library: {@code Response.json(Status.OK, "{\"id\":7}")}. The text goes out as UTF-8, the
     * only encoding JSON allows between systems (§8.1); the type has no charset parameter (§11).
     */
    public static Response json(Status status, String json) {
        return json(status, json.getBytes(StandardCharsets.UTF_8));
    }

    /** A response with JSON already serialized to UTF-8 bytes (not copied: do not change them). */
    public static Response json(Status status, byte[] json) {
        return new Response(status, JSON, new Body.Bytes(json));
    }

    /** A response with no content. */
    public static Response empty(Status status) {
        return new Response(status, Headers.EMPTY, Body.EMPTY);
    }

    /** A copy with one more header field. */
    public Response withHeader(String name, String value) {
        return new Response(status, headers.with(name, value), body);
    }

    /**
     * Response content: one of four shapes, so the server can pick the fastest way to send it
     * (a file region goes out with {@code FileChannel.transferTo}, sendfile, on plain sockets).
     */
    public sealed interface Body {
        /** No content. */
        Body EMPTY = new Empty();

        /** The content length in bytes, or -1 when unknown (the server then sends chunked). */
        long length();

        /** No content: Content-Length 0. */
        record Empty() implements Body {
            @Override
            public long length() {
                return 0;
            }
        }

        /**
         * Content held in memory. The array is not copied: do not change it after returning it.
         *
         * @param bytes the content
         */
        record Bytes(byte[] bytes) implements Body {
            public Bytes {
                Objects.requireNonNull(bytes, "bytes");
            }

            @Override
            public long length() {
                return bytes.length;
            }
        }

        /**
         * A region of a file, read when the response is written.
         *
         * <p>With a {@link Version}, the handler vouches that the file at {@code file} is that
         * version now. The server may then keep the file open after the response and send a
         * later region of the same version from the open file, without opening it again (as
         * nginx's {@code open_file_cache}). It opens the file anew whenever the version
         * differs: a handler that names the version it just found on disk never gets bytes
         * of another file. Without one, the file is opened for each response.
         *
         * @param file    the file
         * @param offset  the first byte to send
         * @param length  how many bytes to send
         * @param version the file as the handler found it on disk for this response, or null
         */
        record FileRegion(Path file, long offset, long length, Version version) implements Body {
            public FileRegion {
                Objects.requireNonNull(file, "file");
                if (offset < 0 || length < 0) {
                    throw new IllegalArgumentException("negative offset or length");
                }
            }

            /** A region of a file opened for this response only. */
            public FileRegion(Path file, long offset, long length) {
                this(file, offset, length, null);
            }

            /**
             * Which file a path named, and in what state: the file system's key for it
             * (device and inode on Linux), its size and its last-modified time. Two versions
             * are equal only when all three are; a file replaced, resized or written to
             * (which moves its modification time) is another version.
             *
             * @param key           {@link BasicFileAttributes#fileKey()}, never null
             * @param size          the size in bytes
             * @param modifiedNanos the last-modified time, nanoseconds since the epoch
             */
            public record Version(Object key, long size, long modifiedNanos) {
                public Version {
                    Objects.requireNonNull(key, "key");
                }

                /**
                 * The version these attributes describe, or null when the file system gives
                 * no file key (then no version can tell one file from another).
                 */
                public static Version of(BasicFileAttributes attributes) {
                    Object key = attributes.fileKey();
                    return key == null ? null : new Version(key, attributes.size(),
                            attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS));
                }
            }
        }

        /**
         * Content written by the handler's code while the response is sent, on the same thread.
         *
         * @param length the exact number of bytes the writer will write, or -1 when unknown
         * @param writer writes the content; must not close the stream
         */
        record Streamed(long length, Writer writer) implements Body {
            public Streamed {
                Objects.requireNonNull(writer, "writer");
                if (length < -1) {
                    throw new IllegalArgumentException("length must be -1 or more");
                }
            }
        }
    }

    /** Writes streamed content. An IOException aborts the response and closes the connection. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }
}
