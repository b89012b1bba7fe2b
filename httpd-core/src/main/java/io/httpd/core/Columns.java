package io.httpd.core;

import java.io.PrintStream;
import java.util.List;

/** A table printed as text: each column as wide as its widest cell, two spaces between. */
final class Columns {
    private static final String GAP = "  ";

    private Columns() {
    }

    /** Prints the rows (the first is the heading); the last column is not padded. */
    static void print(List<List<String>> rows, PrintStream out) {
        int columns = rows.getFirst().size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int c = 0; c < columns - 1; c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns - 1; c++) {
                line.append(row.get(c)).append(" ".repeat(widths[c] - row.get(c).length()))
                        .append(GAP);
            }
            out.println(line.append(row.get(columns - 1)));
        }
    }
}
