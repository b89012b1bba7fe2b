package io.httpd.core.http1;

import io.httpd.api.Method;
import io.httpd.api.Response;
import io.httpd.api.Status;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Set;
import java.util.stream.Stream;

import static io.httpd.core.http1.TestContext.CLOSE;
import static io.httpd.core.http1.TestContext.error;
import static io.httpd.core.http1.TestContext.route;
import static io.httpd.core.http1.TestContext.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * The framing around chunked content is bounded per message (RFC 9112 §7.1.1: "A server ought
 * to limit the total length of chunk extensions received in a request ... and generate an
 * appropriate 4xx (Client Error) response if that amount is exceeded"): each chunk may carry 16
 * bytes of framing plus twice its data; 16 KiB beyond that over the whole message is 400 and
 * closes. Each body is followed by a second request, which must be answered only when the
 * first was accepted.
 */
class ChunkFramingOverheadTest {
    static final String HEAD = "POST /count HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n";
    static final String NEXT = "GET /count HTTP/1.1\r\nHost: a\r\n\r\n";

    private final TestContext t = new TestContext(route("/count",
            r -> Response.text(Status.OK, r.body().readAllBytes().length + "\n"),
            Set.of(Method.GET, Method.POST), 10_000_000));

    /**
     * {@code count} one-byte chunks, each with an extension {@code ;aaa...} whose size line is
     * {@code 1;} plus {@code extra} bytes: its framing is {@code extra + 6} bytes, the allowance
     * 18, so each adds {@code extra - 12} to the excess.
     */
    static String extendedChunks(int count, int extra) {
        return ("1;" + "a".repeat(extra) + "\r\nx\r\n").repeat(count);
    }

    static Stream<Arguments> bodies() {
        String atBound = extendedChunks(16, 1036); // 16 x 1024 = 16384: the most accepted
        return Stream.of(
            argumentSet("at the bound: 16 x 1,024 bytes of excess", atBound + "0\r\n\r\n", 16),
            argumentSet("one byte past the bound", atBound + extendedChunks(1, 13) + "0\r\n\r\n", 400),
            argumentSet("at the bound, then a chunk within its allowance",
                    atBound + extendedChunks(1, 12) + "0\r\n\r\n", 17),
            argumentSet("the attack run's payload, shortened: 1,005-byte extensions on one-byte chunks",
                    ("1;" + "e".repeat(1004) + "\r\nx\r\n").repeat(100) + "0\r\n\r\n", 400),
            argumentSet("20,000 one-byte chunks without extensions (streaming): 5 bytes each",
                    "1\r\nx\r\n".repeat(20_000) + "0\r\n\r\n", 20_000),
            argumentSet("a 4 KB extension on each 2 KB chunk (signed chunks): within twice the data",
                    ("800;" + "s".repeat(4000) + "\r\n" + "d".repeat(2048) + "\r\n").repeat(40)
                            + "0\r\n\r\n", 81_920),
            argumentSet("15-digit sizes on one-byte chunks: 1 byte of excess each",
                    "000000000000001\r\nx\r\n".repeat(16_385) + "0\r\n\r\n", 400),
            argumentSet("the last chunk's extension counts too",
                    atBound + "0;" + "z".repeat(20) + "\r\n\r\n", 400));
    }

    @ParameterizedTest
    @MethodSource("bodies")
    void framingBeyondTheBudgetIs400AndCloses(String body, int expected) throws Exception {
        String want = expected == 400
                ? error(400, Violation.CHUNK_FRAMING_EXCESS.reason, CLOSE)
                : text("HTTP/1.1 200 OK", "", expected + "\n") + text("HTTP/1.1 200 OK", "", "0\n");
        for (Wire wire : Wire.values()) {
            assertEquals(want, wire.exchange(t.ctx, HEAD + body + NEXT), wire.name());
        }
    }
}
