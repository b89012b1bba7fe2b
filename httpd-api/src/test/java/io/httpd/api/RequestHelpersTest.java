package io.httpd.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The helpers on Request: query parameters, the path after the route, Content-Length. */
class RequestHelpersTest {
    static Request request(String path, String query, String route, Headers headers, String body) {
        return new Request(Method.GET, path + (query.isEmpty() ? "" : "?" + query), path, query,
                "HTTP/1.1", headers, new InetSocketAddress("127.0.0.1", 40000), route,
                new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void queryParametersDecodeTheQueryOnce() {
        Request r = request("/hello", "name=Ada+L%C3%B6we&tag=a&tag=%2541", "/hello",
                Headers.EMPTY, "");
        assertEquals("[name][Ada Löwe][tag][a][tag][%41]",
                ParametersTest.render(r.queryParameters()));
        assertEquals(Parameters.EMPTY, request("/hello", "", "/hello", Headers.EMPTY, "")
                .queryParameters());
    }

    @ParameterizedTest(name = "route {0}, path {1} -> ''{2}''")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            /files/   | /files/a/b.txt   | a/b.txt
            /files/   | /files/          | ''
            /         | /index.html      | index.html
            /hello    | /hello           | ''
            ''        | /a/b             | /a/b
            """)
    void remainingPathIsWhatFollowsTheRoutesPath(String route, String path, String rest) {
        assertEquals(rest, request(path, "", route, Headers.EMPTY, "").remainingPath());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            Content-Length: 42                         | 42
            Content-Length: 0                          | 0
            'Content-Length: 5, 5'                     | 5
            Content-Length: +5                         | none
            Content-Length: -1                         | none
            Content-Length: 99999999999999999999       | none
            Transfer-Encoding: chunked                 | none
            Accept: */*                                | none
            """)
    void contentLengthReadsTheField_RFC9110_8_6(String field, String expected) {
        String[] nv = field.split(": ", 2);
        Request r = request("/", "", "/", Headers.of(nv[0], nv[1]), "");
        assertEquals(expected, r.contentLength().isPresent()
                ? Long.toString(r.contentLength().getAsLong()) : "none");
    }

    @Test
    void jsonResponsesCarryTheirTypeAndUtf8Bytes_RFC8259() {
        Response r = Response.json(Status.CREATED, "{\"name\":\"Zoë\"}");
        assertEquals(Status.CREATED, r.status());
        assertEquals("[Field[name=Content-Type, value=application/json]]",
                r.headers().toString());
        assertArrayEquals("{\"name\":\"Zoë\"}".getBytes(StandardCharsets.UTF_8),
                ((Response.Body.Bytes) r.body()).bytes());
        byte[] bytes = {'[', ']'};
        assertEquals(bytes, ((Response.Body.Bytes) Response.json(Status.OK, bytes).body()).bytes());
    }
}
