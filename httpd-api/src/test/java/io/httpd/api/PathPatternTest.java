package io.httpd.api;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PathPatternTest {
    @ParameterizedTest(name = "{0} against {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            {user}/posts/{id}   | ada/posts/7        | {user=ada, id=7}
            /{user}/posts/{id}  | /ada/posts/7       | {user=ada, id=7}
            {user}/posts/{id}   | ada/posts/7/       | no match
            {user}/posts/{id}   | ada/post/7         | no match
            {user}/posts/{id}   | ada/posts          | no match
            {user}/posts/{id}   | /posts/7           | no match
            {file}              | a b.txt            | {file=a b.txt}
            {file}              | ''                 | no match
            ''                  | ''                 | {}
            static/x            | static/x           | {}
            """)
    void matchesSegmentBySegment(String pattern, String path, String expected) {
        assertEquals(expected, PathPattern.of(pattern).match(path).map(Object::toString)
                .orElse("no match"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            a{b}     | a {name} must be a whole segment: a{b}
            {}/x     | empty or repeated {name}: {}/x
            {a}/{a}  | empty or repeated {name}: {a}/{a}
            """)
    void refusesAnUnclearPattern(String pattern, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class,
                () -> PathPattern.of(pattern)).getMessage());
    }
}
