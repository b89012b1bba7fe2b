package io.httpd.plugin.staticfiles;

import io.httpd.plugin.staticfiles.ByteRanges.ByteRange;

import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A {@code multipart/byteranges} body (RFC 9110 §14.6): each range as one part with its own
 * Content-Type and Content-Range, copied from the content held in memory or else read from
 * the file while the response is written. Its length is known in advance, so the server sends
 * it with Content-Length.
 *
 * <pre>
 * --BOUNDARY CRLF Content-Type: t CRLF Content-Range: bytes a-b/n CRLF CRLF data
 * CRLF --BOUNDARY CRLF ...                                                   data
 * CRLF --BOUNDARY-- CRLF
 * </pre>
 */
final class MultipartByteRanges {
    private static final int BUFFER_BYTES = 16 * 1024;

    private final Path file;
    private final byte[] content;
    private final String boundary;
    private final List<ByteRange> ranges;
    private final List<byte[]> partHeads;
    private final byte[] end;

    /**
     * @param file        the representation's file
     * @param length      the representation's complete length
     * @param contentType the representation's media type, repeated in every part
     * @param ranges      two or more satisfiable ranges
     */
    MultipartByteRanges(Path file, long length, String contentType, List<ByteRange> ranges) {
        this(file, null, length, contentType, ranges, newBoundary());
    }

    /** As above, the parts copied from {@code content} when it is not null. */
    MultipartByteRanges(Path file, byte[] content, long length, String contentType,
                        List<ByteRange> ranges) {
        this(file, content, length, contentType, ranges, newBoundary());
    }

    MultipartByteRanges(Path file, long length, String contentType, List<ByteRange> ranges,
                        String boundary) {
        this(file, null, length, contentType, ranges, boundary);
    }

    private MultipartByteRanges(Path file, byte[] content, long length, String contentType,
                                List<ByteRange> ranges, String boundary) {
        this.file = file;
        this.content = content;
        this.boundary = boundary;
        this.ranges = List.copyOf(ranges);
        this.partHeads = new ArrayList<>(ranges.size());
        for (int i = 0; i < ranges.size(); i++) {
            String head = (i == 0 ? "" : "\r\n") + "--" + boundary + "\r\n"
                    + "Content-Type: " + contentType + "\r\n"
                    + "Content-Range: " + ranges.get(i).contentRange(length) + "\r\n\r\n";
            partHeads.add(head.getBytes(StandardCharsets.ISO_8859_1));
        }
        this.end = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    /** 16 random hex digits after a fixed prefix; RFC 2046 §5.1.1 allows up to 70 chars. */
    private static String newBoundary() {
        return "httpd-" + String.format("%016x", ThreadLocalRandom.current().nextLong());
    }

    /** {@code multipart/byteranges; boundary=...}. */
    String contentType() {
        return "multipart/byteranges; boundary=" + boundary;
    }

    /** The exact number of bytes {@link #writeTo} writes. */
    long length() {
        long total = end.length;
        for (int i = 0; i < ranges.size(); i++) {
            total += partHeads.get(i).length + ranges.get(i).length();
        }
        return total;
    }

    /** Writes every part, each range from memory or read from the file. */
    void writeTo(OutputStream out) throws IOException {
        if (content != null) {
            for (int i = 0; i < ranges.size(); i++) {
                out.write(partHeads.get(i));
                out.write(content, (int) ranges.get(i).first(), (int) ranges.get(i).length());
            }
            out.write(end);
            return;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
            for (int i = 0; i < ranges.size(); i++) {
                out.write(partHeads.get(i));
                copy(channel, ranges.get(i), buffer, out);
            }
            out.write(end);
        }
    }

    private static void copy(FileChannel channel, ByteRange range, ByteBuffer buffer,
                             OutputStream out) throws IOException {
        long position = range.first();
        long remaining = range.length();
        while (remaining > 0) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), remaining));
            int n = channel.read(buffer, position);
            if (n < 0) {
                throw new EOFException("file shrank while being sent");
            }
            out.write(buffer.array(), 0, n);
            position += n;
            remaining -= n;
        }
    }
}
