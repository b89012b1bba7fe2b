package io.httpd.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code ${NAME}} and {@code ${NAME:-default}} in string values. */
class EnvSubstitutionTest {
    private static final EnvSubstitution ENV =
            new EnvSubstitution(Map.of("HOME", "/home/w", "EMPTY", "", "PORT", "80"));

    @ParameterizedTest(name = "\"{0}\" = \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            plain                  | plain
            ''                     | ''
            ${HOME}                | /home/w
            ${HOME}/www            | /home/w/www
            a${PORT}b${PORT}       | a80b80
            ${NOPE:-x}             | x
            ${NOPE:-}              | ''
            ${EMPTY:-fallback}     | fallback
            ${EMPTY}               | ''
            ${HOME:-unused}        | /home/w
            ${NOPE:-a:-b}          | a:-b
            cost $5 {x}            | cost $5 {x}
            $HOME                  | $HOME
            """)
    void expands(String value, String expected) {
        assertEquals(expected, ENV.expand(value));
    }

    @ParameterizedTest(name = "\"{0}\": {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ${NOPE}              | environment variable NOPE is not set
            x${HOME}${NOPE}      | environment variable NOPE is not set
            ${HOME               | unclosed "${" in "${HOME"
            ${}                  | not an environment variable name: "${}"
            ${1A}                | not an environment variable name: "${1A}"
            ${A B:-x}            | not an environment variable name: "${A B:-x}"
            """)
    void rejects(String value, String reason) {
        var e = assertThrows(IllegalArgumentException.class, () -> ENV.expand(value));
        assertEquals(reason, e.getMessage());
    }
}
