package io.httpd.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Set-Cookie values, RFC 6265 §4.1. */
class SetCookieTest {
    @Test
    void writesTheAttributesInOrder() {
        assertEquals("session=abc123; HttpOnly; SameSite=Lax",
                SetCookie.of("session", "abc123").fieldValue());
        assertEquals("session=abc123; Path=/; Max-Age=3600; Secure; HttpOnly; SameSite=Strict",
                SetCookie.of("session", "abc123").withPath("/").withMaxAge(Duration.ofHours(1))
                        .withSecure(true).withSameSite("Strict").fieldValue());
        assertEquals("theme=; Max-Age=0", SetCookie.of("theme", "").withMaxAge(Duration.ZERO)
                .withHttpOnly(false).withSameSite(null).fieldValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a b", "a;b", "a,b", "\"ab\"", "a\\b", "a\r\nSet-Cookie: x=1", "é"})
    void refusesAValueThatWouldBreakTheField(String value) {
        assertEquals("not a cookie value (RFC 6265 §4.1.1): " + value, assertThrows(
                IllegalArgumentException.class, () -> SetCookie.of("a", value)).getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a b", "a=b", "", "a;b"})
    void refusesANameThatIsNotAToken(String name) {
        assertEquals("not a cookie name: " + name, assertThrows(IllegalArgumentException.class,
                () -> SetCookie.of(name, "v")).getMessage());
    }

    @Test
    void refusesAPathThatWouldAddAnAttribute() {
        assertThrows(IllegalArgumentException.class,
                () -> SetCookie.of("a", "b").withPath("/; Domain=evil.example"));
    }
}
