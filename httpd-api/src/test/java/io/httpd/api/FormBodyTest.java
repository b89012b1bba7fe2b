package io.httpd.api;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Reading an application/x-www-form-urlencoded body, bounded. */
class FormBodyTest {
    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            application/x-www-form-urlencoded                | name=Ada+L&x=%26 | [name][Ada L][x][&]
            'Application/X-WWW-Form-Urlencoded; charset=UTF-8' | a=1            | [a][1]
            application/x-www-form-urlencoded                | 0123456789abcdef | [0123456789abcdef][]
            application/x-www-form-urlencoded                | ''               | ''
            application/x-www-form-urlencoded                | 0123456789abcdefg | 413 Content Too Large: a form of at most 16 bytes\\n
            application/json                                 | {}               | 415 Unsupported Media Type: expected application/x-www-form-urlencoded\\n
            ''                                               | a=1              | 415 Unsupported Media Type: expected application/x-www-form-urlencoded\\n
            """)
    void readsAFormOfAtMostTheBound(String type, String body, String expected) throws IOException {
        Headers headers = type.isEmpty() ? Headers.EMPTY : Headers.of("Content-Type", type);
        Request r = RequestHelpersTest.request("/form", "", "/form", headers, body);
        String actual = switch (FormBody.read(r, 16)) {
            case FormBody.Fields(Parameters fields) -> ParametersTest.render(fields);
            case FormBody.Refused(Response refusal) -> new String(
                    ((Response.Body.Bytes) refusal.body()).bytes(), StandardCharsets.UTF_8);
        };
        assertEquals(expected.replace("\\n", "\n"), actual);
    }

    @org.junit.jupiter.api.Test
    void aDeclaredLengthOverTheBoundIsRefusedUnread() throws IOException {
        Headers headers = Headers.of("Content-Type", FormBody.MEDIA_TYPE, "Content-Length", "17");
        Request r = RequestHelpersTest.request("/form", "", "/form", headers, "a=1");
        FormBody.Refused refused = (FormBody.Refused) FormBody.read(r, 16);
        assertEquals(413, refused.response().status().code());
        assertEquals(3, r.body().available());
    }
}
