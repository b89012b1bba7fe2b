package io.httpd.plugin.echo;

import io.httpd.testkit.EmbeddedServer;
import io.httpd.testkit.TestResponse;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The echo route mounted in the real server (the test kit's embedded one), over a socket. */
class EchoOverHttpTest {
    @Test
    void aPostedBodyComesBackWithItsTypeThroughTheServer() {
        try (EmbeddedServer server = EmbeddedServer.builder()
                .route("/echo", new EchoProvider(), "").start()) {
            TestResponse r = server.send("POST", "/echo", "application/json", "{\"a\":1}");
            assertEquals(200, r.status());
            assertEquals("application/json", r.header("Content-Type"));
            assertEquals("{\"a\":1}", r.text());
            String raw = server.exchange("DELETE /echo HTTP/1.1\r\nHost: t\r\n"
                    + "Connection: close\r\n\r\n");
            assertTrue(raw.startsWith("HTTP/1.1 405 Method Not Allowed\r\n"), raw);
        }
    }
}
