package io.httpd.core.http1;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * One request head through {@link RequestParser} (syntax), and through the parser and {@link
 * HeadRules} (meaning), as the connection loop does per request: a minimal HTTP/1.1 GET and a
 * typical browser GET (Chrome's fields, about 700 bytes), repeated or alternating with another.
 */
public class RequestParserBenchmark extends Http1Benchmark {
    static final String MINIMAL = "GET / HTTP/1.1\r\nHost: a\r\n\r\n";
    static final String BROWSER = "GET /articles/2026/http-servers.html?ref=home HTTP/1.1\r\n"
            + "Host: www.example.org\r\n"
            + "Connection: keep-alive\r\n"
            + "sec-ch-ua: \"Chromium\";v=\"131\", \"Not_A Brand\";v=\"24\"\r\n"
            + "sec-ch-ua-mobile: ?0\r\n"
            + "sec-ch-ua-platform: \"Linux\"\r\n"
            + "Upgrade-Insecure-Requests: 1\r\n"
            + "User-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/131.0.0.0 Safari/537.36\r\n"
            + "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,"
            + "image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7\r\n"
            + "Sec-Fetch-Site: same-origin\r\n"
            + "Sec-Fetch-Mode: navigate\r\n"
            + "Sec-Fetch-User: ?1\r\n"
            + "Sec-Fetch-Dest: document\r\n"
            + "Referer: https://www.example.org/\r\n"
            + "Accept-Encoding: gzip, deflate, br, zstd\r\n"
            + "Accept-Language: en-GB,en;q=0.9\r\n"
            + "Cookie: session=5f2b7c1e9a0d4e8b; theme=dark\r\n"
            + "\r\n";

    @Param({"minimal", "browser"})
    String head;

    /**
     * {@code same}: the same head every time (the parser returns the one it kept);
     * {@code other}: two heads that differ in their target only, in turn (each parsed, its
     * field lines reused from the head before).
     */
    @Param({"same", "other"})
    String next;

    private WireReader in;
    private RequestParser parser;

    @Setup
    public void connect() throws IOException {
        String text = head.equals("minimal") ? MINIMAL : BROWSER;
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        byte[] other = text.replaceFirst(" /", " /x").getBytes(StandardCharsets.ISO_8859_1);
        in = reader(next.equals("same") ? new ReplayTransport(bytes)
                : new ReplayTransport(bytes, other));
        parser = parser(in);
    }

    /** A parser on a connection that sends this head on every read, with the default limits. */
    static RequestParser parser(byte[] head) throws IOException {
        return parser(reader(new ReplayTransport(head)));
    }

    private static WireReader reader(ReplayTransport transport) throws IOException {
        return new WireReader(transport, 16 * 1024, new TrafficCounters());
    }

    private static RequestParser parser(WireReader in) {
        return new RequestParser(in, 8192, 16384, 100); // the default limits
    }

    /** The next head's bytes, then the head: as the connection loop reads a request. */
    private RequestParser.RawHead read() throws IOException {
        in.fillIdle();
        return parser.read();
    }

    @Benchmark
    public RequestParser.RawHead parse() throws IOException {
        return read();
    }

    @Benchmark
    public RequestHead parseAndCheck() throws IOException {
        return HeadRules.check(read());
    }
}
