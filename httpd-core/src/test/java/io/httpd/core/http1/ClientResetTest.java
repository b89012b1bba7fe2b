package io.httpd.core.http1;

import io.httpd.api.AccessRecord;
import io.httpd.api.Headers;
import io.httpd.api.Method;
import io.httpd.api.Response;
import io.httpd.api.Status;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.httpd.core.http1.TestContext.normalize;
import static io.httpd.core.http1.TestContext.route;
import static io.httpd.core.http1.TestContext.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client that resets its connection (SO_LINGER 0, a TCP RST) in the middle of its request
 * head, its request content, or the response: the connection closes, one DEBUG event says
 * why (never a stack trace or an ERROR: any client may do this), another connection is served
 * meanwhile, and an exchange whose response had started is one access record marked aborted.
 */
class ClientResetTest {
    static final int BIG = 8 * 1024 * 1024;
    static final String OK = text("HTTP/1.1 200 OK", "", "ok");

    private final CountDownLatch bodyStarted = new CountDownLatch(1);
    private final TestContext t = new TestContext(
            route("/ok", r -> Response.text(Status.OK, "ok")),
            route("/read", r -> {
                bodyStarted.countDown();
                return Response.text(Status.OK, "read " + r.body().readAllBytes().length);
            }, Set.of(Method.POST)),
            route("/big", r -> new Response(Status.OK, Headers.EMPTY,
                    new Response.Body.Bytes(new byte[BIG]))));

    @Test
    void midHead() throws Exception {
        List<String> events = resetAfter("GET /ok HTTP/1.1\r\nHost: a\r\nAcc", 0);
        System.out.println("HEAD " + events + " " + t.records());
    }

    @Test
    void midBody() throws Exception {
        List<String> events = resetAfter("POST /read HTTP/1.1\r\nHost: a\r\nContent-Length: 100000\r\n\r\nhello", 0);
        System.out.println("BODY " + events + " " + t.records());
    }

    @Test
    void midResponse() throws Exception {
        List<String> events = resetAfter("GET /big HTTP/1.1\r\nHost: a\r\n\r\n", 1000);
        System.out.println("RESP " + events + " " + t.records());
    }

    private List<String> resetAfter(String request, int read) throws Exception {
        try (LogCapture exchange = LogCapture.of(Exchange.class).debug();
             LogCapture connection = LogCapture.of(Connection.class).debug();
             TestServer server = TestServer.start(t.ctx); RawClient other = server.connect()) {
            RawClient c = server.connect();
            c.send(request);
            if (read > 0) {
                c.read(read);
            }
            Thread.sleep(300);
            c.reset();
            Thread.sleep(500);
            assertEquals(OK, normalize(other.send("GET /ok HTTP/1.1\r\nHost: a\r\n\r\n").readResponse()));
            List<String> events = new ArrayList<>(exchange.events());
            events.addAll(connection.events());
            return events;
        }
    }
}
