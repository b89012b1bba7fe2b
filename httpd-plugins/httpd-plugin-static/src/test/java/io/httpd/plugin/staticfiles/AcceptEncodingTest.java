package io.httpd.plugin.staticfiles;

import io.httpd.api.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** RFC 9110 §12.5.3 weights, in thousandths: br, gzip, identity. */
class AcceptEncodingTest {
    @ParameterizedTest(name = "[{0}] -> br {1}, gzip {2}, identity {3}")
    @CsvSource(delimiter = '|', textBlock = """
        gzip, deflate, br, zstd        | 1000 | 1000 | 1000
        gzip;q=1.0, br;q=0.5           |  500 | 1000 | 1000
        GZIP ; Q=0.8                   |    0 |  800 | 1000
        x-gzip                         |    0 | 1000 | 1000
        br;q=0, gzip                   |    0 | 1000 | 1000
        *                              | 1000 | 1000 | 1000
        *;q=0.3, gzip;q=0.1            |  300 |  100 | 1000
        *;q=0                          |    0 |    0 |    0
        br, identity;q=0               | 1000 |    0 |    0
        identity                       |    0 |    0 | 1000
        br;q=2, gzip;q=0.1234          |    0 |    0 | 1000
        br;q=0.001                     |    1 |    0 | 1000
        br;q=1.000, gzip;q=1.001       | 1000 |    0 | 1000
        ''                             |    0 |    0 | 1000
        """)
    void weighs(String field, int br, int gzip, int identity) {
        AcceptEncoding accepted = AcceptEncoding.of(Headers.of("Accept-Encoding", field));
        assertEquals(br, accepted.weight("br"), "br");
        assertEquals(gzip, accepted.weight("gzip"), "gzip");
        assertEquals(identity, accepted.weight("identity"), "identity");
    }

    @Test
    void withoutTheFieldOnlyIdentity() {
        AcceptEncoding accepted = AcceptEncoding.of(Headers.EMPTY);
        assertEquals(0, accepted.weight("br"));
        assertEquals(0, accepted.weight("gzip"));
        assertEquals(1000, accepted.weight("identity"));
    }

    @Test
    void readsEveryLine() {
        AcceptEncoding accepted = AcceptEncoding.of(
                Headers.of("Accept-Encoding", "gzip", "Accept-Encoding", "br;q=0.9"));
        assertEquals(900, accepted.weight("br"));
        assertEquals(1000, accepted.weight("gzip"));
    }
}
