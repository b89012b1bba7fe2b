package io.httpd.core.http1;

import io.httpd.api.AccessRecord;
import io.httpd.api.Response;
import io.httpd.api.Status;
import io.httpd.core.config.Limits;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** [server] request_id_header: each response carries the id its access record has. */
class RequestIdHeaderTest {
    private final LinkedBlockingQueue<AccessRecord> log = new LinkedBlockingQueue<>();
    private final Http1Context ctx = new Http1Context(Limits.defaults(), "", new RouteTable(
            List.of(TestContext.route("/a", r -> Response.text(Status.OK, "hi")))), List.of(),
            log::add, new TrafficCounters(), "X-Request-Id");

    @ParameterizedTest
    @EnumSource(Wire.class)
    void everyResponseCarriesItsRecordsId(Wire wire) throws Exception {
        String out = wire.exchange(ctx, "GET /a HTTP/1.1\r\nHost: a\r\n\r\n"
                + "GET /nowhere HTTP/1.1\r\nHost: a\r\n\r\n"
                + "GET /a HTTP/1.1\r\n\r\n"); // no Host: a 400 of the core's own
        Matcher m = Pattern.compile("\r\nX-Request-Id: ([^\r]+)\r\n").matcher(out);
        List<String> ids = m.results().map(r -> r.group(1)).toList();
        List<AccessRecord> records = List.copyOf(log);
        assertEquals(3, ids.size(), out);
        assertEquals(records.stream().map(AccessRecord::requestId).toList(), ids);
        assertNotEquals(ids.get(0), ids.get(1));
        assertTrue(out.startsWith("HTTP/1.1 200 OK\r\n"), out);
    }
}
