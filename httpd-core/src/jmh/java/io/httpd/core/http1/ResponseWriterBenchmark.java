package io.httpd.core.http1;

import io.httpd.api.Response;
import io.httpd.api.Status;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

import java.io.IOException;

/**
 * {@link ResponseWriter} on a keep-alive HTTP/1.1 connection: the head (status line,
 * Content-Type, Date, Server, Content-Length) and the 13-byte body of "Hello, world!", then
 * the flush to a transport that drops the bytes; and the same for HEAD (head only).
 */
public class ResponseWriterBenchmark extends Http1Benchmark {
    private final Response hello = Response.text(Status.OK, "Hello, world!");
    private WireWriter out;
    private ResponseWriter writer;

    @Setup
    public void connect() throws IOException {
        Transport transport = new ReplayTransport(new byte[0]);
        out = new WireWriter(transport.output(), 16 * 1024, new TrafficCounters());
        writer = new ResponseWriter(out, transport, "httpd");
    }

    @Benchmark
    public ResponseWriter.Sent get() throws IOException {
        ResponseWriter.Sent sent = writer.write(hello, false, 1, true);
        out.flush();
        return sent;
    }

    @Benchmark
    public ResponseWriter.Sent head() throws IOException {
        ResponseWriter.Sent sent = writer.write(hello, true, 1, true);
        out.flush();
        return sent;
    }
}
