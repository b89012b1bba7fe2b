package io.httpd.api;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A field value with CR or LF would let a handler that copies request data into a response
 * header start a header or a response of its own (response splitting, RFC 9110 §5.5: field
 * values never contain CR, LF or NUL). Field refuses them, and any name that is not a token.
 */
class HeadersFieldTest {
    @ParameterizedTest
    @ValueSource(strings = {"a\r\nSet-Cookie: x=1", "a\nb", "a\rb", "a\u0000b", "a\u007fb",
            "\r\n\r\nHTTP/1.1 200 OK"})
    void refusesControlCharactersInAValue(String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Headers.Field("Location", value));
        assertEquals("control character in value of Location", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"X-A\r\nX-B", "X A", "", "X:A", "Ü"})
    void refusesANameThatIsNotAToken(String name) {
        assertThrows(IllegalArgumentException.class, () -> new Headers.Field(name, "v"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "text/plain; charset=utf-8", "a\tb", "caf\u00e9"})
    void acceptsVisibleCharactersSpaceAndTab(String value) {
        assertEquals(value, new Headers.Field("X-Test", value).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\r\nb", "a\nb"})
    void headersWithRefusesThemToo(String value) {
        assertThrows(IllegalArgumentException.class, () -> Headers.EMPTY.with("X-Test", value));
        assertThrows(IllegalArgumentException.class,
                () -> Response.text(Status.OK, "x").withHeader("X-Test", value));
    }
}
