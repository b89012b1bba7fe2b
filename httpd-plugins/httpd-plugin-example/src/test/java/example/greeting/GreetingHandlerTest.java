package example.greeting;

import io.httpd.api.Headers;
import io.httpd.api.Method;
import io.httpd.api.Request;
import io.httpd.api.Response;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A plugin's handler is plain Java: test it by calling it with a Request. */
class GreetingHandlerTest {
    private static Request get(String target, String query) {
        return new Request(Method.GET, target, "/hello", query, "HTTP/1.1", Headers.EMPTY,
                new InetSocketAddress("127.0.0.1", 40000), "/hello", InputStream.nullInputStream());
    }

    private static String body(Response response) {
        return new String(((Response.Body.Bytes) response.body()).bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void greetsTheWorldByDefault() {
        assertEquals("Hello, world!\n", body(new GreetingHandler("Hello", 1).handle(get("/hello", ""))));
    }

    @Test
    void greetsTheNameInTheQueryAsOftenAsConfigured() {
        assertEquals("Hi, Ada!\nHi, Ada!\n",
                body(new GreetingHandler("Hi", 2).handle(get("/hello?name=Ada", "name=Ada"))));
    }
}
