package io.httpd.core.http1;

import io.httpd.api.AccessRecord;
import io.httpd.api.ConnectionInfo;
import io.httpd.api.Method;
import io.httpd.api.Response;
import io.httpd.api.Status;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static io.httpd.core.http1.TestContext.route;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One access record per exchange that produced a status line, the core's own rejections
 * included (httpd-core/README.md "The exchange"), with the fields of {@link AccessRecord}.
 */
class AccessLogRecordTest {
    private final TestContext t = new TestContext(
            route("/a", r -> Response.text(Status.OK, "hi " + r.body().readAllBytes().length),
                    Set.of(Method.GET, Method.PUT)));

    /** method target protocol status bytes route referer user-agent */
    static String fields(AccessRecord r) {
        return String.join(" ", r.method(), r.target(), r.protocol(), "" + r.status(), "" + r.bytes(),
                r.route(), r.referer(), r.userAgent());
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void oneRecordPerExchange(Wire wire) throws Exception {
        wire.exchange(t.ctx, "GET /a?x=1 HTTP/1.1\r\nHost: a\r\nReferer: http://r/\r\nUser-Agent: ua/1\r\n\r\n"
                + "HEAD /a HTTP/1.1\r\nHost: a\r\n\r\n"
                + "PUT /a HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\nabc"
                + "POST /a HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nabc"
                + "GET /none HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"
                + "GET /a HTTP/1.1\r\nUser-Agent: ua/2\r\n\r\n"
                + "GET /a HTTP/1.1\r\nHost: a\r\n\r\n");
        List<AccessRecord> records = List.of(t.nextRecord(), t.nextRecord(), t.nextRecord(),
                t.nextRecord(), t.nextRecord(), t.nextRecord());
        assertEquals(List.of(
                "GET /a?x=1 HTTP/1.1 200 4 /a http://r/ ua/1",
                "HEAD /a HTTP/1.1 200 0 /a null null",
                "PUT /a HTTP/1.1 200 4 /a null null",
                "POST /a HTTP/1.1 405 0 /a null null",
                "GET /none HTTP/1.0 404 38 null null null",
                "GET /a HTTP/1.1 400 37 null null ua/2"),
                records.stream().map(AccessLogRecordTest::fields).toList());
        assertTrue(t.records().isEmpty(), "the request after the 400 was never read");
        assertEquals(6, records.stream().map(AccessRecord::requestId).collect(Collectors.toSet()).size());
        for (AccessRecord r : records) {
            assertFalse(r.duration().isNegative());
            assertEquals(wire == Wire.SOCKET || wire == Wire.TLS,
                    r.client().getAddress().isLoopbackAddress());
            assertEquals(wire == Wire.TLS ? "https" : "http", r.connection().scheme());
            assertEquals(wire == Wire.TLS ? "TLSv1.3" : "-", r.connection().tls()
                    .map(ConnectionInfo.Tls::protocol).orElse("-"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            garbage                                                  | - - - 400
            GET / HTTP/1.10\\r\\nHost: a                              | GET / - 400
            GET / HTTP/2.0\\r\\nHost: a                               | GET / - 505
            GET / HTTP/1.2                                           | GET / HTTP/1.1 400
            POST / HTTP/1.0\\r\\nTransfer-Encoding: chunked           | POST / HTTP/1.0 400
            FOO /x HTTP/1.1\\r\\nHost: a                              | FOO /x HTTP/1.1 501
            GET /a HTTP/1.1\\r\\nHost: a\\r\\nExpect: 200-ok            | GET /a HTTP/1.1 417
            """)
    void rejectionsAreRecorded(String head, String expected) throws Exception {
        String response = Wire.MEMORY.exchange(t.ctx, head.replace("\\r\\n", "\r\n") + "\r\n\r\n");
        AccessRecord r = t.nextRecord();
        assertEquals(expected, String.join(" ", r.method(), r.target(), r.protocol(), "" + r.status()));
        assertEquals(response.length() - response.indexOf("\r\n\r\n") - 4, r.bytes());
        assertTrue(t.records().isEmpty());
    }
}
