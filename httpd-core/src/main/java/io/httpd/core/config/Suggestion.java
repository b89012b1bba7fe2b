package io.httpd.core.config;

import java.util.Collection;
import java.util.TreeSet;

/**
 * "Did you mean": the known name nearest to a misspelt key or id, when it is near enough to
 * be a typo (an edit distance, with swapped neighbours counting as one edit, of 1 for names
 * up to 4 characters and 2 beyond).
 */
public final class Suggestion {
    private Suggestion() {
    }

    /** {@code unknown key}, followed by {@code ; did you mean "x"?} when one is near. */
    public static String unknownKey(String key, Collection<String> known) {
        return "unknown key" + didYouMean(key, known, "\"");
    }

    /**
     * {@code ; did you mean QxQ?} (Q the quote given) for the nearest candidate, or {@code ""}
     * when none is near; ties go to the first in alphabetical order.
     */
    public static String didYouMean(String word, Collection<String> candidates, String quote) {
        int limit = word.length() <= 4 ? 1 : 2;
        String best = null;
        int bestDistance = limit + 1;
        for (String candidate : new TreeSet<>(candidates)) {
            int d = distance(word, candidate);
            if (d > 0 && d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best == null ? "" : "; did you mean " + quote + best + quote + "?";
    }

    /** Optimal string alignment distance: insertions, deletions, changes, adjacent swaps. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1),
                        d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2)
                        && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
