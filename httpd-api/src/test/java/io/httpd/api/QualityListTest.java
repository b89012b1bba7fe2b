package io.httpd.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** RFC 9110 §12.4.2 weighted lists, as Accept and Accept-Encoding write them. */
class QualityListTest {
    /** Each element as {@code value;name=value;q=weight}, parameters sorted, joined by spaces. */
    private static String shown(String field) {
        return QualityList.parse(List.of(field)).stream().map(e -> e.value()
                + e.parameters().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(p -> ";" + p.getKey() + "=" + p.getValue()).collect(Collectors.joining())
                + ";q=" + e.weight()).collect(Collectors.joining(" "));
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            gzip                                 | gzip;q=1000
            gzip, br;q=0.5                       | gzip;q=1000 br;q=500
            GZIP ; Q=0.8                         | gzip;q=800
            br;q=0                               | br;q=0
            br;q=0.001                           | br;q=1
            br;q=1.000                           | br;q=1000
            # not qvalues: the elements go
            br;q=1.001, gzip;q=2, zstd;q=0.1234  | ``
            br;q=, gzip;q=.5, zstd;q=x           | ``
            text/html;level=1;q=0.7              | text/html;level=1;q=700
            # the weight ends the parameters (RFC 9110 §12.5.1)
            text/html;q=0.7;level=1              | text/html;q=700
            text/html;charset="UTF-8"            | text/html;charset=UTF-8;q=1000
            text/html;x="a,b;c", */*;q=0.1       | text/html;x=a,b;c;q=1000 */*;q=100
            text/html;x="a\\"b"                  | text/html;x=a"b;q=1000
            # a parameter needs a value
            text/html;level                      | ``
            ``                                   | ``
            # empty elements (RFC 9110 §5.6.1)
            , ,gzip,,                            | gzip;q=1000
            """)
    void parsesEachElementOrSkipsIt(String field, String elements) {
        assertEquals(elements, shown(field));
    }

    @Test
    void everyLineOfTheFieldIsOneList() {
        assertEquals(List.of(new QualityList.Element("gzip", Map.of(), 1000),
                        new QualityList.Element("br", Map.of(), 900)),
                QualityList.parse(List.of("gzip", "br;q=0.9")));
    }

    /** The Accept-Encoding fuzz target's first finding (its input quote-open-across-lines). */
    @Test
    void aQuoteLeftOpenOnOneLineRunsOnAsInTheCombinedValueRfc9110Section5_3() {
        assertEquals(QualityList.parse(List.of("x\",*")), QualityList.parse(List.of("x\"", "*")));
        assertEquals(List.of(new QualityList.Element("x\",*", Map.of(), 1000)),
                QualityList.parse(List.of("x\"", "*")));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "0, 0", "1, 1000", "0.5, 500", "0.05, 50", "0.123, 123", "1.0, 1000", "1.00, 1000",
        "1.000, 1000", "1.001, -1", "2, -1", "0.1234, -1", "-0, -1", "0., 0", "1., 1000",
        ".5, -1", "x, -1",
    })
    void qvaluesAreThousandthsOrMinusOne(String text, int thousandths) {
        assertEquals(thousandths, QualityList.qvalue(text));
    }
}
