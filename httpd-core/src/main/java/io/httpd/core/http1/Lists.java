package io.httpd.core.http1;

import java.util.ArrayList;
import java.util.List;

/** The list syntax of field values: {@code #element} (RFC 9110 §5.6.1). */
final class Lists {
    private Lists() {
    }

    /** The non-empty, trimmed elements of every value, in order. */
    static List<String> elements(List<String> values) {
        List<String> elements = new ArrayList<>(values.size());
        for (String value : values) {
            int start = 0;
            while (start <= value.length()) {
                int comma = value.indexOf(',', start);
                int end = comma < 0 ? value.length() : comma;
                String element = value.substring(start, end).strip();
                if (!element.isEmpty()) {
                    elements.add(element);
                }
                start = end + 1;
            }
        }
        return elements;
    }
}
