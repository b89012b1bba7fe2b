package io.httpd.core.http1;

import io.httpd.api.Method;
import io.httpd.api.Response;
import io.httpd.api.Status;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Set;

import static io.httpd.core.http1.TestContext.CLOSE;
import static io.httpd.core.http1.TestContext.route;
import static io.httpd.core.http1.TestContext.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Content a handler leaves unread (httpd-core/README.md: "drained (up to 64 KiB) or the
 * connection closes"): up to {@link Exchange#DRAIN_LIMIT} is read and discarded and the
 * connection persists; more, when its length is known, is answered with Connection: close.
 */
class UnreadRequestBodyTest {
    static final String NEXT = "GET /ignore HTTP/1.1\r\nHost: a\r\n\r\n";
    static final String IGNORED = text("HTTP/1.1 200 OK", "", "ignored");

    private final TestContext t = new TestContext(
            route("/ignore", r -> Response.text(Status.OK, "ignored"), Set.of(Method.GET, Method.POST), 1 << 20),
            route("/peek", r -> Response.text(Status.OK, "peeked " + (char) r.body().read()),
                    Set.of(Method.POST), 1 << 20));

    static String post(String path, long length) {
        return "POST " + path + " HTTP/1.1\r\nHost: a\r\nContent-Length: " + length + "\r\n\r\n"
                + "x".repeat((int) length);
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void contentUpToTheDrainLimitIsDiscarded(Wire wire) throws Exception {
        assertEquals(IGNORED + IGNORED + IGNORED,
                wire.exchange(t.ctx, post("/ignore", 10) + post("/ignore", Exchange.DRAIN_LIMIT) + NEXT));
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void partlyReadContentIsDiscarded(Wire wire) throws Exception {
        assertEquals(text("HTTP/1.1 200 OK", "", "peeked x") + IGNORED,
                wire.exchange(t.ctx, post("/peek", 1000) + NEXT));
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void moreThanTheDrainLimitIsAnsweredWithClose(Wire wire) throws Exception {
        assertEquals(text("HTTP/1.1 200 OK", CLOSE, "ignored"),
                wire.exchange(t.ctx, post("/ignore", Exchange.DRAIN_LIMIT + 1) + NEXT));
        assertEquals(text("HTTP/1.1 200 OK", CLOSE, "peeked x"),
                wire.exchange(t.ctx, post("/peek", Exchange.DRAIN_LIMIT + 1) + NEXT));
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void chunkedContentOfUnknownLengthIsDrainedUpToTheLimitThenCut(Wire wire) throws Exception {
        String chunk = "8000\r\n" + "x".repeat(0x8000) + "\r\n";
        assertEquals(IGNORED, wire.exchange(t.ctx, "POST /ignore HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
                + chunk.repeat(3) + "0\r\n\r\n" + NEXT));
    }
}
