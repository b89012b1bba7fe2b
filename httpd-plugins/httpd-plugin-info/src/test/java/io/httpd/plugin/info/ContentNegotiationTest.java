package io.httpd.plugin.info;

import io.httpd.api.Headers;
import io.httpd.api.Method;
import io.httpd.api.Request;
import io.httpd.api.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Accept negotiation, RFC 9110 §12.5.1: the format with the higher weight wins, each format
 * weighed by its most specific matching range; JSON on a tie, without Accept, or when nothing
 * is acceptable (no 406, §15.5.7). Every answer varies on Accept (§12.5.5).
 */
class ContentNegotiationTest {
    @ParameterizedTest(name = "[{index}] Accept: {0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NONE", textBlock = """
            NONE                                                           | JSON
            ''                                                             | JSON
            */*                                                            | JSON
            application/json                                               | JSON
            text/html                                                      | HTML
            TEXT/HTML                                                      | HTML
            text/*                                                         | HTML
            application/*                                                  | JSON
            'text/html, application/json'                                  | JSON
            'application/json, text/html'                                  | JSON
            'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' | HTML
            'text/html;q=0.5, application/json;q=0.6'                      | JSON
            'text/html;q=0.7, application/json;q=0.6'                      | HTML
            'text/html;q=0.5, */*;q=0.1'                                   | HTML
            'text/html;q=0, */*'                                           | JSON
            'text/html;q=0, application/json;q=0'                          | JSON
            'application/json;q=0, */*;q=0.1'                              | HTML
            'application/json;q=0, text/*;q=0.2'                           | HTML
            'text/*;q=0.9, text/html;q=0.1, application/json;q=0.5'        | JSON
            'text/html;charset=utf-8;q=0.9, text/html;q=0.1, */*;q=0.5'    | HTML
            'text/html;charset=iso-8859-1, */*;q=0.5'                      | JSON
            'text/html;level=1, application/json;q=0.5'                    | JSON
            'text/html;charset="UTF-8";q=0.8, application/json;q=0.5'      | HTML
            'text/html;q=1.0, application/json;q=0.999'                    | HTML
            'text/html;q=1.001, application/json;q=0.5'                    | JSON
            'text/html;q=2, application/json;q=0.5'                        | JSON
            'text/html;q=abc'                                              | JSON
            'text/html;q=0.9999, application/json;q=0.5'                   | JSON
            'text/html ; q=0.8 , application/json ; q=0.3'                 | HTML
            'application/json;q=0.5;ext="x, text/html, y"'                 | JSON
            'text/html;foo="a,b";q=0.8, application/json;q=0.3'            | JSON
            'text/html, garbage, /html, */html'                            | HTML
            ',,text/html,,'                                                | HTML
            'image/png'                                                    | JSON
            """)
    void acceptChoosesTheFormat(String accept, ContentNegotiation.Format expected) {
        Headers headers = accept == null ? Headers.EMPTY : Headers.of("Accept", accept);
        assertEquals(expected, ContentNegotiation.choose(headers));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            application/json;q=0.1 | application/json
            text/html              | text/html; charset=utf-8
            """)
    void theResponseCarriesItsTypeAndVariesOnAccept(String accept, String contentType)
            throws Exception {
        InfoHandler handler = new InfoHandler(FakeServer.hostile(), Detail.FULL,
                Clock.fixed(FakeServer.START, ZoneOffset.UTC));
        Response response = handler.handle(request(Headers.of("Accept", accept)));
        assertEquals(200, response.status().code());
        assertEquals(List.of(contentType), response.headers().all("Content-Type"));
        assertEquals(List.of("Accept"), response.headers().all("Vary"));
        assertEquals(List.of("no-store"), response.headers().all("Cache-Control"));
    }

    @ParameterizedTest(name = "[{index}] {0} and {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            application/json;q=0.5 | text/html     | HTML
            text/html;q=0.5        | */*           | JSON
            text/html;q=0.5        | image/png     | HTML
            """)
    void severalAcceptLinesAreOneList(String first, String second,
                                      ContentNegotiation.Format expected) {
        Headers headers = Headers.of("Accept", first, "User-Agent", "t", "Accept", second);
        assertEquals(expected, ContentNegotiation.choose(headers));
    }

    static Request request(Headers headers) {
        return new Request(Method.GET, "/info", "/info", "", "HTTP/1.1", headers,
                new InetSocketAddress("127.0.0.1", 40000), "/info", InputStream.nullInputStream());
    }
}
