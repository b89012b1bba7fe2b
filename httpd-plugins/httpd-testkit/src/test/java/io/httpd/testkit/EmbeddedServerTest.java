package io.httpd.testkit;

import io.httpd.api.Parameters;
import io.httpd.api.Response;
import io.httpd.api.Status;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real engine in-process: real sockets on 127.0.0.1, the server's own answers. */
class EmbeddedServerTest {
    @Test
    void servesAProviderMountedWithKeysAndAHandlerInstance() {
        try (EmbeddedServer server = EmbeddedServer.builder()
                .route("/knobs", new KnobsProvider(), "count = 2")
                .route("/files/", r -> Response.text(Status.OK, r.remainingPath() + " "
                        + r.queryParameters().first("q", "-") + "\n"))
                .start()) {
            TestResponse knobs = server.get("/knobs");
            assertEquals(200, knobs.status());
            assertTrue(knobs.text().startsWith("hi 2 false 1024 PT1S [] "), knobs.text());
            assertEquals("a/b.txt x y\n", server.get("/files/a/b.txt?q=x+y").text());
            assertEquals("text/plain; charset=utf-8", server.get("/files/").header("content-type"));
            assertEquals(404, server.get("/nowhere").status());
            assertEquals(4, server.view().counters().requests());
        }
    }

    /** RFC 9110 §15.5.6: the core answers a method the handler does not take with 405 + Allow. */
    @Test
    void theCoreAnswersTheWireRules() {
        try (EmbeddedServer server = EmbeddedServer.builder()
                .route("/form", r -> Response.text(Status.OK, "x")).start()) {
            String raw = server.exchange("DELETE /form HTTP/1.1\r\nHost: t\r\n"
                    + "Connection: close\r\n\r\n");
            assertTrue(raw.startsWith("HTTP/1.1 405 Method Not Allowed\r\n"), raw);
            assertTrue(raw.contains("\r\nAllow: GET, HEAD, OPTIONS\r\n"), raw);
            assertEquals(405, server.send("POST", "/form", "text/plain", "x").status());
        }
    }

    @Test
    void aConfigTheServerWouldRefuseIsRefusedWithItsMessages() {
        ConfigRefused e = assertThrows(ConfigRefused.class, () -> EmbeddedServer.builder()
                .provider(new KnobsProvider())
                .toml("""
                        [[route]]
                        path = "/knobs"
                        handler = "knobs"
                        count = 11
                        colour = "red"
                        """).start());
        // every error at once, as the server reports them: the bad value and the unknown key
        assertEquals(List.of("route[0].count: must be 10 or less", "route[0].colour: unknown key"),
                e.problems());
        assertEquals("4: route[0].count: must be 10 or less\n5: route[0].colour: unknown key",
                e.getMessage());
    }

    @Test
    void formsPostedOverTheWireAreReadByFormBody() {
        try (EmbeddedServer server = EmbeddedServer.builder()
                .route("/form", new FormEcho()).start()) {
            TestResponse r = server.send("POST", "/form", "application/x-www-form-urlencoded",
                    "name=Ada+Lovelace&lang=en");
            assertEquals("Ada Lovelace/en\n", r.text());
        }
    }

    private static final class FormEcho implements io.httpd.api.RouteHandler {
        @Override
        public java.util.Set<io.httpd.api.Method> methods() {
            return java.util.Set.of(io.httpd.api.Method.POST);
        }

        @Override
        public Response handle(io.httpd.api.Request request) throws java.io.IOException {
            return switch (io.httpd.api.FormBody.read(request, 1024)) {
                case io.httpd.api.FormBody.Fields(Parameters f) -> Response.text(Status.OK,
                        f.first("name", "?") + "/" + f.first("lang", "?") + "\n");
                case io.httpd.api.FormBody.Refused(Response refusal) -> refusal;
            };
        }
    }
}
