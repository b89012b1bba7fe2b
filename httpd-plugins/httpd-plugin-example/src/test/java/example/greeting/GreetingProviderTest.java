package example.greeting;

import io.httpd.api.RouteHandler;
import io.httpd.testkit.ConfigRefused;
import io.httpd.testkit.EmbeddedServer;
import io.httpd.testkit.ResponseContent;
import io.httpd.testkit.TestConfig;
import io.httpd.testkit.TestRequest;
import io.httpd.testkit.TestResponse;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The factory reads its keys as the server does; the server serves what it made. */
class GreetingProviderTest {
    @Test
    void readsItsKeysFromTheRoutesTable() throws Exception {
        RouteHandler handler = TestConfig.create(new GreetingProvider(), """
                greeting = "Hi"
                repeat = 2
                """);
        assertEquals("Hi, Ada!\nHi, Ada!\n",
                ResponseContent.text(handler.handle(TestRequest.get("/hello?name=Ada").build())));
    }

    @Test
    void refusesWhatTheServerRefusesWithTheServersMessages() {
        assertEquals(List.of("route[0].repeat: must be 1 to 10"),
                TestConfig.problems(new GreetingProvider(), "repeat = 20"));
        ConfigRefused e = assertThrows(ConfigRefused.class,
                () -> TestConfig.create(new GreetingProvider(), "greeting = \"Hi\"\nrepet = 2"));
        assertEquals("2: route[0].repet: unknown key; did you mean \"repeat\"?", e.getMessage());
    }

    @Test
    void theServerServesItOverHttp() {
        try (EmbeddedServer server = EmbeddedServer.builder()
                .provider(new GreetingProvider())
                .toml("""
                        [[route]]
                        path = "/hello"
                        handler = "greeting"
                        greeting = "Hi"
                        """)
                .start()) {
            TestResponse response = server.get("/hello?name=Ada");
            assertEquals(200, response.status());
            assertEquals("Hi, Ada!\n", response.text());
            assertEquals(405, server.send("POST", "/hello", "text/plain", "x").status());
        }
    }
}
