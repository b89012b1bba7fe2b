package io.httpd.core.http1;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** {@link HeadRules#check} alone, on heads parsed once: the meaning checks per request. */
public class HeadRulesBenchmark extends Http1Benchmark {
    @Param({"minimal", "browser"})
    String head;

    private RequestParser.RawHead raw;

    @Setup
    public void parse() throws IOException {
        String text = head.equals("minimal")
                ? RequestParserBenchmark.MINIMAL : RequestParserBenchmark.BROWSER;
        raw = RequestParserBenchmark.parser(text.getBytes(StandardCharsets.ISO_8859_1)).read();
    }

    @Benchmark
    public RequestHead check() throws HttpException {
        return HeadRules.check(raw);
    }
}
