package io.httpd.core.http1;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** {@link HeadRules#check} alone, on heads parsed once: the meaning checks per request. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HeadRulesBenchmark {
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
