package io.httpd.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RFC 9110 §5.6.2 tokens and §5.5 field values: the one tchar table of the tree. */
class TokenTest {

    @ParameterizedTest
    @ValueSource(strings = {"GET", "X-Request-Id", "!#$%&'*+-.^_`|~", "a1", "PROPFIND"})
    void acceptsTokens(String s) {
        assertTrue(Token.isToken(s));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a b", "a:b", "a/b", "(a)", "a\"b", "a,b", "a;b", "a=b", "a\tb",
        "é", "a\u0000"})
    void refusesSeparatorsControlsAndNonAscii(String s) {
        assertFalse(Token.isToken(s));
    }

    @Test
    void tcharIsExactlyTheSeventySevenCharactersOfTheRfc() {
        int count = 0;
        for (int c = -1; c < 0x200; c++) {
            count += Token.isTokenChar(c) ? 1 : 0;
        }
        assertEquals(10 + 26 + 26 + 15, count);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "text/html; charset=utf-8", "a\tb", "caf\u00e9", "\"quoted\""})
    void acceptsFieldValues(String s) {
        assertTrue(Token.isFieldValue(s));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\r\nSet-Cookie: x=1", "a\nb", "a\rb", "a\u0000", "a\u007f",
        "\u20ac"})
    void refusesWhatCouldSplitAResponse(String s) {
        assertFalse(Token.isFieldValue(s));
    }
}
