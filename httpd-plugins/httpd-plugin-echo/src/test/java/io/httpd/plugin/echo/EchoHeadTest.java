package io.httpd.plugin.echo;

import io.httpd.api.Headers;
import io.httpd.api.Method;
import io.httpd.api.Request;
import io.httpd.api.Response;
import io.httpd.api.Status;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class EchoHeadTest {
    private static final Headers FIELDS = Headers.of(
            "Host", "example.test",
            "User-Agent", "curl/8.5.0",
            "accept", "*/*",
            "X-Repeat", "one",
            "X-Repeat", "two",
            "X-Latin", "caf\u00e9");

    @ParameterizedTest
    @ValueSource(strings = {"GET", "HEAD"})
    void answersWithRequestLineAndFieldsInOrder(String method) throws Exception {
        InputStream untouched = new ByteArrayInputStream(new byte[] {1, 2, 3});
        Request request = new Request(Method.of(method), "/echo/a%20b?x=1&y=%2F", "/echo/a b",
                "x=1&y=%2F", "HTTP/1.1", FIELDS, new InetSocketAddress("127.0.0.1", 5555),
                "/echo", untouched);

        Response response = new EchoHandler().handle(request);

        String expected = method + " /echo/a%20b?x=1&y=%2F HTTP/1.1\n"
                + "Host: example.test\n"
                + "User-Agent: curl/8.5.0\n"
                + "accept: */*\n"
                + "X-Repeat: one\n"
                + "X-Repeat: two\n"
                + "X-Latin: caf\u00e9\n";
        assertEquals(Status.OK, response.status());
        assertEquals("text/plain; charset=utf-8", response.headers().first("Content-Type")
                .orElseThrow());
        Response.Body.Bytes body = assertInstanceOf(Response.Body.Bytes.class, response.body());
        assertEquals(expected, new String(body.bytes(), StandardCharsets.UTF_8));
        assertEquals(body.bytes().length, body.length());
        assertEquals(3, untouched.available(), "the body is not read");
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTP/1.0", "HTTP/1.1"})
    void requestWithoutFieldsIsOneLine(String version) throws Exception {
        Request request = new Request(Method.GET, "/echo", "/echo", "", version, Headers.EMPTY,
                new InetSocketAddress("127.0.0.1", 5555), "/echo", InputStream.nullInputStream());

        Response.Body.Bytes body = assertInstanceOf(Response.Body.Bytes.class,
                new EchoHandler().handle(request).body());

        assertEquals("GET /echo " + version + "\n", new String(body.bytes(),
                StandardCharsets.UTF_8));
    }
}
