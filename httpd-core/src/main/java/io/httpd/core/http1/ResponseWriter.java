package io.httpd.core.http1;

import io.httpd.api.Headers;
import io.httpd.api.Response;
import io.httpd.api.Response.Body;
import io.httpd.api.Status;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Writes responses on one connection (RFC 9112 §4, §6): the status line, the handler's fields,
 * then Date, Server, the framing (Content-Length when the length is known, else chunked, or
 * for HTTP/1.0 a body delimited by closing), and Connection. HEAD, 1xx, 204 and 304 responses
 * carry no content.
 *
 * <p><b>Bytes sent.</b> What the access record counts, as nginx's {@code $body_bytes_sent}
 * and Apache's {@code %B}: content only, neither the head nor the chunk framing. For a response
 * cut short ({@link #abort()}), the content the socket accepted before the failure: sendfile's
 * bytes as the transport counted them, plus buffered content that was handed to the socket
 * (exact for a body of known length; for a chunked one, short by at most the framing of the
 * chunks still buffered when the connection failed).
 */
final class ResponseWriter {
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes();

    private final WireWriter out;
    private final Transport transport;
    private final String serverName;
    // where the current response started, in the connection's running counts
    private long startPosition;
    private long startContent;
    private long startFileBytes;
    /**
     * A file region this small is read into the write buffer, when it fits there after the
     * head, and sent with it: one write instead of a write for the head and a sendfile (whose
     * JDK path adds an fstat and a failed copy_file_range), and one packet.
     */
    static final int SMALL_FILE = 8 * 1024;

    /**
     * What was sent.
     *
     * @param bytes      content bytes written
     * @param mustClose  the framing requires closing the connection afterwards
     * @param aborted    the response could not be sent whole; the connection must close
     */
    record Sent(long bytes, boolean mustClose, boolean aborted) {
    }

    ResponseWriter(WireWriter out, Transport transport, String serverName) {
        this.out = out;
        this.transport = transport;
        this.serverName = serverName;
    }

    /** Sends the interim 100 (Continue) response at once (RFC 9110 §15.2.1). */
    void writeContinue() throws IOException {
        out.write(CONTINUE, 0, CONTINUE.length);
        out.flush();
    }

    /**
     * Writes a whole response. The caller flushes.
     *
     * @param headOnly  the request was HEAD: the head as for GET, no content
     * @param minor     the request's HTTP minor version
     * @param keepAlive whether the connection stays open after this response
     */
    Sent write(Response response, boolean headOnly, int minor, boolean keepAlive)
            throws IOException {
        startPosition = out.position();
        startContent = out.contentWritten();
        startFileBytes = transport.fileBytesSent();
        Status status = response.status();
        Body body = response.body();
        boolean noContent = status.isBodyless();
        long length = body.length();
        boolean untilClose = length < 0 && minor == 0 && !noContent && !headOnly;
        boolean close = !keepAlive || untilClose;
        writeHead(status, response.headers(), minor, close);
        if (!noContent) {
            if (length >= 0) {
                field("Content-Length", length);
            } else if (minor == 1) {
                field("Transfer-Encoding", "chunked");
            }
        }
        out.writeCrlf();
        if (noContent || headOnly) {
            return new Sent(0, close, false);
        }
        return new Sent(writeBody(body, minor), close, false);
    }

    private void writeHead(Status status, Headers headers, int minor, boolean close)
            throws IOException {
        out.writeLatin1("HTTP/1.1 "); // our version, whatever the client's (RFC 9110 §2.5)
        out.writeDecimal(status.code());
        out.write(' ');
        out.writeLatin1(status.reason());
        out.writeCrlf();
        for (Headers.Field f : headers) {
            if (!isServerField(f.name())) {
                field(f.name(), f.value());
            }
        }
        field("Date", DateField.now());
        if (!serverName.isEmpty()) {
            field("Server", serverName);
        }
        if (close) {
            field("Connection", "close");
        } else if (minor == 0) {
            field("Connection", "keep-alive");
        }
    }

    private long writeBody(Body body, int minor) throws IOException {
        // instanceof, not a pattern switch: that one generates a class at its first use, which
        // the AOT cache does not hold, and costs the first response tens of ms
        if (body instanceof Body.Bytes b) {
            out.writeContent(b.bytes(), 0, b.bytes().length);
            return b.bytes().length;
        } else if (body instanceof Body.FileRegion f) {
            return writeFile(f);
        } else if (body instanceof Body.Streamed s) {
            return writeStreamed(s, minor);
        }
        return 0; // Body.Empty
    }

    private long writeFile(Body.FileRegion region) throws IOException {
        try (KeptFiles.Open open = KeptFiles.SHARED.open(region.file(), region.version())) {
            FileChannel file = open.channel();
            if (region.length() <= SMALL_FILE
                    && out.readContent(file, region.offset(), (int) region.length())) {
                return region.length(); // with the head in one write (nginx: sendfile + TCP_CORK)
            }
            transport.fileFollows();
            out.flushBuffer();
            if (!transferFile(file, region)) {
                long copied = copy(file, region.offset(), region.length());
                if (copied != region.length()) {
                    throw new IOException("file shrank while being sent: " + region.file());
                }
            }
            return region.length();
        }
    }

    private boolean transferFile(FileChannel file, Body.FileRegion region) throws IOException {
        long before = transport.fileBytesSent();
        try {
            return transport.transferFile(file, region.offset(), region.length());
        } finally {
            out.sentPast(transport.fileBytesSent() - before);
        }
    }

    /** Copies through the buffer, at explicit positions: the file may be shared (KeptFiles). */
    private long copy(FileChannel file, long offset, long max) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(16384);
        long total = 0;
        while (total < max) {
            chunk.clear().limit((int) Math.min(chunk.capacity(), max - total));
            int n = file.read(chunk, offset + total);
            if (n < 0) {
                break;
            }
            out.writeContent(chunk.array(), 0, n);
            total += n;
        }
        return total;
    }

    private long writeStreamed(Body.Streamed body, int minor) throws IOException {
        if (body.length() >= 0 || minor == 0) {
            long limit = body.length() >= 0 ? body.length() : Long.MAX_VALUE;
            FixedLengthOutput fixed = new FixedLengthOutput(out, limit);
            body.writer().writeTo(fixed);
            if (body.length() >= 0) {
                fixed.finish();
            }
            return fixed.written();
        }
        ChunkedOutput chunked = new ChunkedOutput(out);
        body.writer().writeTo(chunked);
        chunked.finish();
        return chunked.written();
    }

    private void field(String name, String value) throws IOException {
        out.writeLatin1(name);
        out.write(':');
        out.write(' ');
        out.writeLatin1(value);
        out.writeCrlf();
    }

    private void field(String name, long value) throws IOException {
        out.writeLatin1(name);
        out.write(':');
        out.write(' ');
        out.writeDecimal(value);
        out.writeCrlf();
    }

    /**
     * Whether the server owns the field (a handler's value for it is dropped): Content-Length,
     * Transfer-Encoding, Connection, Date, Server, Keep-Alive. Told by length first, so that
     * most of a handler's fields cost one switch and no case-insensitive comparison.
     */
    static boolean isServerField(String name) {
        return switch (name.length()) {
            case 4 -> name.equalsIgnoreCase("Date");
            case 6 -> name.equalsIgnoreCase("Server");
            case 10 -> name.equalsIgnoreCase("Connection") || name.equalsIgnoreCase("Keep-Alive");
            case 14 -> name.equalsIgnoreCase("Content-Length");
            case 17 -> name.equalsIgnoreCase("Transfer-Encoding");
            default -> false;
        };
    }

    void flush() throws IOException {
        out.flush();
    }

    /**
     * Ends the current response as cut short: what is buffered is handed to the socket unless
     * the socket already failed, and the content bytes that got out are counted.
     *
     * @return the content bytes of the current response that the socket accepted
     */
    long abort() {
        if (!out.failed()) {
            try {
                out.flush();
            } catch (IOException ignored) {
                // counted below as not sent; the connection closes either way
            }
        }
        long content = out.contentWritten() - startContent;
        long unsent = out.position() - Math.max(out.sent(), startPosition);
        return Math.max(0, content - unsent) + transport.fileBytesSent() - startFileBytes;
    }
}
