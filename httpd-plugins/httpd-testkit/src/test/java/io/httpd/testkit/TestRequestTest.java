package io.httpd.testkit;

import io.httpd.api.Method;
import io.httpd.api.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TestRequestTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            /hello                    | /hello          | ''
            /hello?name=Ada+L         | /hello          | name=Ada+L
            /a%20b/c%2Fd?x=%20        | /a b/c/d        | x=%20
            /a+b                      | /a+b            | ''
            /caf%C3%A9                | /café           | ''
            """)
    void pathIsDecodedOnceAndQueryKeptEncoded(String target, String path, String query) {
        Request r = TestRequest.get(target).build();
        assertEquals(target, r.target());
        assertEquals(path, r.path());
        assertEquals(query, r.query());
        assertEquals(path, r.route());
    }

    @Test
    void aBodyComesWithItsLength() throws IOException {
        Request r = TestRequest.post("/form").form("a=1&b=2").route("/").build();
        assertEquals(Method.POST, r.method());
        assertEquals(7, r.contentLength().orElseThrow());
        assertEquals("application/x-www-form-urlencoded", r.header("Content-Type").orElseThrow());
        assertEquals("a=1&b=2", new String(r.body().readAllBytes()));
        assertEquals("form", r.remainingPath());
    }
}
