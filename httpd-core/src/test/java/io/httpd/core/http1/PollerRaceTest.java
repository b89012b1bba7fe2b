package io.httpd.core.http1;

import io.httpd.api.Response;
import io.httpd.api.Status;
import org.junit.jupiter.api.Test;

import java.net.Socket;
import java.util.List;

import static io.httpd.core.http1.TestContext.normalize;
import static io.httpd.core.http1.TestContext.route;
import static io.httpd.core.http1.TestContext.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Clients that connect and close before the server has accepted them (a port probe): their end
 * of stream is readable the moment a connection is registered, so the poller may read it before
 * the transport is fully made. It must then end the connection like any other, not fail (once
 * it did: a null key, the end-of-stream left watched, and the poller spun on it forever).
 */
class PollerRaceTest {
    @Test
    void connectionsClosedBeforeTheirAcceptEndQuietly() throws Exception {
        TestContext t = new TestContext(route("/ok", r -> Response.text(Status.OK, "ok")));
        try (LogCapture poller = LogCapture.of(Poller.class);
             TestServer server = TestServer.start(t.ctx)) {
            for (int i = 0; i < 500; i++) {
                new Socket(server.address().getAddress(), server.address().getPort()).close();
            }
            try (RawClient client = server.connect()) {
                assertEquals(text("HTTP/1.1 200 OK", "", "ok"), normalize(
                        client.send("GET /ok HTTP/1.1\r\nHost: a\r\n\r\n").readResponse()));
            }
            assertEquals(List.of(), poller.events());
        }
    }
}
