package io.httpd.core.server;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HeapReleaseTest {

    /**
     * Each row: the open connections at successive looks, and at which looks (1-based, "-" for
     * none) a release is due. A release needs a mark of at least 1,000, fallen to a quarter of it
     * or less for two looks in a row; the mark then starts again from the connections open (a
     * mark that is itself a flood can be given back again).
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0 10 999 0 0 0                    | -
            1000 249 249                       | 3
            1000 251 251 251                   | -
            1000 250 250                       | 3
            1000 249 300 249                   | -
            1000 249 300 249 249               | 5
            10000 9000 2000 2000               | 4
            10000 2000 2000 0 0 0              | 3 5
            10000 2000 2000 1500 300 300       | 3 6
            5000 0 0 5000 0 0                  | 3 6
            1000 1200 200 200                  | 4
        """)
    void aFloodIsGivenBackOnceItHasEnded(String opens, String releases) {
        HeapRelease release = new HeapRelease(() -> 0);
        StringBuilder due = new StringBuilder();
        int[] looks = Arrays.stream(opens.trim().split(" +")).mapToInt(Integer::parseInt).toArray();
        for (int i = 0; i < looks.length; i++) {
            if (release.look(looks[i])) {
                due.append(due.isEmpty() ? "" : " ").append(i + 1);
            }
        }
        assertEquals(releases.trim(), due.isEmpty() ? "-" : due.toString());
    }
}
