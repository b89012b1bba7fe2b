package io.httpd.core.config;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SuggestionTest {
    private static final List<String> KEYS =
            List.of("greeting", "repeat", "root", "index", "name", "methods", "body_bytes");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            greting      | 'unknown key; did you mean "greeting"?'
            greetnig     | 'unknown key; did you mean "greeting"?'
            repet        | 'unknown key; did you mean "repeat"?'
            nmae         | 'unknown key; did you mean "name"?'
            methds       | 'unknown key; did you mean "methods"?'
            body-bytes   | 'unknown key; did you mean "body_bytes"?'
            roots        | 'unknown key; did you mean "root"?'
            colour       | 'unknown key'
            nm           | 'unknown key'
            x            | 'unknown key'
            """)
    void namesTheNearestKnownKeyWhenItIsATypo(String key, String message) {
        assertEquals(message, Suggestion.unknownKey(key, KEYS));
    }

    @ParameterizedTest(name = "{0} / {1} = {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            greet    | greet    | 0
            gret     | greet    | 1
            gerat    | great    | 1
            abc      | ''       | 3
            kitten   | sitting  | 3
            """)
    void distanceCountsASwapAsOneEdit(String a, String b, int distance) {
        assertEquals(distance, Suggestion.distance(a, b));
    }
}
