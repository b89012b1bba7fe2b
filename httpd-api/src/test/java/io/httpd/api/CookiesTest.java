package io.httpd.api;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The Cookie field, RFC 6265 §4.2.1 ({@code cookie-pair *( ";" SP cookie-pair )}). */
class CookiesTest {
    @ParameterizedTest(name = "Cookie: {0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            session=abc123                        | [session][abc123]
            session=abc123; theme=dark            | [session][abc123][theme][dark]
            'theme="dark"'                        | [theme][dark]
            'a=1;b=2 ;  c=3'                      | [a][1][b][2][c][3]
            'a=1; a=2'                            | [a][1][a][2]
            'a=x%20y'                             | [a][x%20y]
            'a=b=c'                               | [a][b=c]
            'empty='                              | [empty][]
            'novalue; a=1'                        | [a][1]
            'bad name=1; ok=2'                    | [ok][2]
            '=1; ok=2'                            | [ok][2]
            ''                                    | ''
            """)
    void parsesCookiePairsInOrder(String cookie, String pairs) {
        Headers headers = cookie.isEmpty() ? Headers.EMPTY : Headers.of("Cookie", cookie);
        assertEquals(pairs, ParametersTest.render(Cookies.of(headers)));
    }

    @org.junit.jupiter.api.Test
    void everyCookieFieldCounts() {
        Headers headers = Headers.of("Cookie", "a=1", "Accept", "*/*", "Cookie", "b=2");
        assertEquals("[a][1][b][2]", ParametersTest.render(Cookies.of(headers)));
    }
}
