package io.httpd.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Sizes and durations as httpd.toml writes them. */
class SizesTest {

    @ParameterizedTest(name = "\"{0}\" = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0                     | 0
            512                   | 512
            512B                  | 512
            16KiB                 | 16384
            '16 KiB'              | 16384
            10MiB                 | 10485760
            1GiB                  | 1073741824
            2TiB                  | 2199023255552
            1KB                   | 1000
            3MB                   | 3000000
            1GB                   | 1000000000
            1TB                   | 1000000000000
            ' 64KiB '             | 65536
            9223372036854775807   | 9223372036854775807
            8191PiB               | -1
            """)
    void sizes(String text, long bytes) {
        if (bytes < 0) {
            assertThrows(IllegalArgumentException.class, () -> Sizes.parseBytes(text));
        } else {
            assertEquals(bytes, Sizes.parseBytes(text));
        }
    }

    @ParameterizedTest(name = "\"{0}\": {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                     | not a size: "" (write it like "16KiB")
            abc                    | not a size: "abc" (write it like "16KiB")
            1.5MiB                 | not a size: "1.5MiB" (write it like "16KiB")
            -1                     | must not be negative: "-1"
            -1KiB                  | must not be negative: "-1KiB"
            10kib                  | unknown unit "kib" in "10kib" (use B, KiB, MiB, GiB, TiB, KB, MB, GB or TB)
            10XB                   | unknown unit "XB" in "10XB" (use B, KiB, MiB, GiB, TiB, KB, MB, GB or TB)
            9223372036854775808    | too large: "9223372036854775808"
            9007199254740992KiB    | too large: "9007199254740992KiB"
            """)
    void badSizes(String text, String reason) {
        var e = assertThrows(IllegalArgumentException.class, () -> Sizes.parseBytes(text));
        assertEquals(reason, e.getMessage());
    }

    @ParameterizedTest(name = "\"{0}\" = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0ms      | PT0S
            500ms    | PT0.5S
            10s      | PT10S
            '10 s'   | PT10S
            5m       | PT5M
            1h       | PT1H
            2d       | PT48H
            90s      | PT1M30S
            """)
    void durations(String text, Duration expected) {
        assertEquals(expected, Sizes.parseDuration(text));
    }

    @ParameterizedTest(name = "\"{0}\": {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                     | not a duration: "" (write it like "10s")
            10                     | missing unit in "10" (use ms, s, m, h or d)
            10S                    | unknown unit "S" in "10S" (use ms, s, m, h or d)
            1w                     | unknown unit "w" in "1w" (use ms, s, m, h or d)
            1.5s                   | not a duration: "1.5s" (write it like "10s")
            -5s                    | must not be negative: "-5s"
            1h30m                  | not a duration: "1h30m" (write it like "10s")
            99999999999999999999s  | too large: "99999999999999999999s"
            9223372036854775807d   | too large: "9223372036854775807d"
            """)
    void badDurations(String text, String reason) {
        var e = assertThrows(IllegalArgumentException.class, () -> Sizes.parseDuration(text));
        assertEquals(reason, e.getMessage());
    }

    /** Log events show durations as httpd.toml writes them, not as PT10S. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            10s     | 10s
            10000ms | 10s
            1500ms  | 1500ms
            90s     | 90s
            5m      | 5m
            60m     | 1h
            2d      | 2d
            0s      | 0s
            """)
    void formatDurationAsConfigWritesIt(String text, String expected) {
        assertEquals(expected, Sizes.formatDuration(Sizes.parseDuration(text)));
    }
}
