package io.httpd.core.http1;

import io.httpd.api.RequestValidator.Verdict;
import io.httpd.api.Response;
import io.httpd.api.Status;
import io.httpd.api.AddressBlock;
import io.httpd.core.server.HttpServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.httpd.core.http1.TestContext.normalize;
import static io.httpd.core.http1.TestContext.route;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code [server] trusted_proxies} over real sockets: a trusted peer's X-Forwarded-For names
 * the client that validators, handlers and the access record see, per request on one
 * connection; an untrusted peer's is ignored.
 */
class TrustedProxiesTest {
    private final LinkedBlockingQueue<String> validatorSaw = new LinkedBlockingQueue<>();

    @ParameterizedTest(name = "trusted {0}: {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "127.0.0.1/32 | 203.0.113.5                 | 203.0.113.5:0",
        "127.0.0.1/32 | 1.1.1.1, 203.0.113.5        | 203.0.113.5:0",
        "10.0.0.0/8   | 203.0.113.5                 | peer",
        "127.0.0.1/32 | not an address              | peer",
    })
    void theClientSeenByValidatorAndLog(String trusted, String xff, String client) throws Exception {
        TestContext t = new TestContext(route("/ok", r -> Response.text(Status.OK, "ok")));
        Http1Context ctx = new Http1Context(t.ctx.limits(), t.ctx.serverName(), t.ctx.routes(),
                List.of(new Http1Context.Validator("spy", r -> {
                    validatorSaw.add(HttpServer.format(r.client()));
                    return Verdict.ACCEPT;
                })), t.ctx.accessLog(), t.ctx.counters(), "")
                .withTrustedProxies(List.of(AddressBlock.parse(trusted)), false);
        try (TestServer server = TestServer.start(ctx); RawClient c = server.connect()) {
            for (String forwarded : List.of(xff, "198.51.100.77")) {
                c.send("GET /ok HTTP/1.1\r\nHost: a\r\nX-Forwarded-For: " + forwarded + "\r\n\r\n");
                assertEquals(TestContext.text("HTTP/1.1 200 OK", "", "ok"),
                        normalize(c.readResponse()));
            }
        }
        var first = t.nextRecord();
        String peer = HttpServer.format(first.connection().remote());
        String expected = client.equals("peer") ? peer : client;
        assertEquals(expected, HttpServer.format(first.client()));
        assertEquals(expected, validatorSaw.poll(1, TimeUnit.SECONDS));
        // the next request on the same connection is judged on its own header
        String second = client.equals("peer") && !trusted.startsWith("127") ? peer
                : "198.51.100.77:0";
        assertEquals(second, HttpServer.format(t.nextRecord().client()));
        assertEquals(second, validatorSaw.poll(1, TimeUnit.SECONDS));
    }

    /**
     * The scheme (RFC 9110 §4.2) that a trusted proxy's X-Forwarded-Proto names, as the handler
     * and the access record see it, per request on one connection; an untrusted peer's and
     * garbage are ignored. Header lines are separated by " ; " in the table.
     */
    @ParameterizedTest(name = "trusted {0}: {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "127.0.0.1/32 | X-Forwarded-Proto: https                                  | https",
        "127.0.0.1/32 | X-Forwarded-For: 203.0.113.5 ; X-Forwarded-Proto: HTTPS  | https",
        "127.0.0.1/32 | X-Forwarded-Proto: http                                   | http",
        "127.0.0.1/32 | X-Forwarded-Proto: wss                                    | http",
        "127.0.0.1/32 | X-Forwarded-Proto: http ; X-Forwarded-Proto: https        | https",
        "10.0.0.0/8   | X-Forwarded-Proto: https                                  | http",
    })
    void theSchemeSeenByHandlerAndLog(String trusted, String fields, String scheme)
            throws Exception {
        TestContext t = new TestContext(route("/ok", r -> Response.text(Status.OK, r.scheme())));
        Http1Context ctx = t.ctx.withTrustedProxies(List.of(AddressBlock.parse(trusted)), false);
        try (TestServer server = TestServer.start(ctx); RawClient c = server.connect()) {
            for (String f : List.of(fields, "X-Other: 1")) {
                c.send("GET /ok HTTP/1.1\r\nHost: a\r\n" + f.replace(" ; ", "\r\n")
                        + "\r\n\r\n");
                String expected = f.equals(fields) ? scheme : "http";
                assertEquals(TestContext.text("HTTP/1.1 200 OK", "", expected),
                        normalize(c.readResponse()));
            }
        }
        assertEquals(scheme, t.nextRecord().connection().scheme());
        assertEquals("http", t.nextRecord().connection().scheme(), "the next request: its own");
    }
}
