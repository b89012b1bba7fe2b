package io.httpd.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** application/x-www-form-urlencoded parsing (WHATWG URL §5.1), as queries and forms use it. */
class ParametersTest {
    /** The pairs as {@code [name][value]...}, so that empty names and values show. */
    static String render(Parameters p) {
        return p.pairs().stream().map(x -> "[" + x.name() + "][" + x.value() + "]")
                .collect(Collectors.joining());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            ''                          | ''
            name=Ada                    | [name][Ada]
            name=Ada+Lovelace           | [name][Ada Lovelace]
            name=Ada%20Lovelace         | [name][Ada Lovelace]
            a%2Bb=1%2B1                 | [a+b][1+1]
            tag=a&tag=b&x=1             | [tag][a][tag][b][x][1]
            '&&a=1&&'                   | [a][1]
            flag                        | [flag][]
            flag=                       | [flag][]
            =x                          | [][x]
            a=b=c                       | [a][b=c]
            q=%2541                     | [q][%41]
            q=%zz%4                     | [q][%zz%4]
            q=%                         | [q][%]
            city=Z%C3%BCrich            | [city][Zürich]
            bad=%C3                     | [bad][\uFFFD]
            path=%2Fetc%2Fpasswd        | [path][/etc/passwd]
            """)
    void decodesPairsInOrderEachPercentEncodingOnce(String encoded, String pairs) {
        assertEquals(pairs.replace("\\uFFFD", "\uFFFD"), render(Parameters.parse(encoded)));
    }

    @Test
    void repeatedNamesKeepEveryValueInOrder() {
        Parameters p = Parameters.parse("tag=b&name=Ada&tag=a");
        assertEquals(List.of("b", "a"), p.all("tag"));
        assertEquals(Optional.of("b"), p.first("tag"));
        assertEquals(List.of(), p.all("none"));
        assertEquals("world", p.first("none", "world"));
        assertEquals(List.of("tag", "name"), List.copyOf(p.names()));
    }

    @Test
    void namesAreCaseSensitive() {
        assertEquals(Optional.empty(), Parameters.parse("Name=Ada").first("name"));
    }
}
