package io.httpd.api;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Name-value pairs in the order they came, names case-sensitive and free to repeat: a query
 * string ({@link Request#queryParameters()}), a form body ({@link FormBody}) or the cookies of a
 * request ({@link Cookies}). Immutable.
 *
 * <p>{@link #parse} reads {@code application/x-www-form-urlencoded} text as the WHATWG URL
 * standard (§5.1) does, which is also how browsers encode a query from a form: pairs split at
 * {@code &}, name and value at the first {@code =}, {@code +} is a space, and each
 * {@code %XX} is decoded once, as UTF-8 bytes; a {@code %} not followed by two hex digits is
 * kept as it is, and bytes that are not UTF-8 become U+FFFD.
 *
 * <pre>{@code
 * Parameters p = Parameters.parse("name=Ada+Lovelace&tag=a&tag=b");
 * p.first("name");   // Optional[Ada Lovelace]
 * p.all("tag");      // [a, b]
 * }</pre>
 *
 * @param pairs the pairs in order
 */
public record Parameters(List<Pair> pairs) {
    /** No pairs. */
    public static final Parameters EMPTY = new Parameters(List.of());

    /**
     * One name and its value.
     *
     * @param name  the decoded name; may be empty ({@code =x})
     * @param value the decoded value; empty for {@code name} or {@code name=}
     */
    public record Pair(String name, String value) {
        public Pair {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    public Parameters {
        pairs = List.copyOf(pairs);
    }

    /** Pairs from a list, in order. */
    public static Parameters of(List<Pair> pairs) {
        return pairs.isEmpty() ? EMPTY : new Parameters(pairs);
    }

    /** Decodes {@code application/x-www-form-urlencoded} text, such as a query without its ?. */
    public static Parameters parse(String encoded) {
        List<Pair> pairs = new ArrayList<>();
        for (String sequence : encoded.split("&")) {
            if (sequence.isEmpty()) {
                continue;
            }
            int eq = sequence.indexOf('=');
            String name = eq < 0 ? sequence : sequence.substring(0, eq);
            String value = eq < 0 ? "" : sequence.substring(eq + 1);
            pairs.add(new Pair(decode(name), decode(value)));
        }
        return of(pairs);
    }

    /** One form-encoded component: {@code +} is a space, {@code %XX} a byte, decoded once. */
    public static String decode(String component) {
        if (component.indexOf('%') < 0 && component.indexOf('+') < 0) {
            return component;
        }
        byte[] bytes = component.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i];
            int hi = i + 2 < bytes.length ? hex(bytes[i + 1]) : -1;
            int lo = i + 2 < bytes.length ? hex(bytes[i + 2]) : -1;
            if (b == '%' && hi >= 0 && lo >= 0) {
                out.write(hi << 4 | lo);
                i += 2;
            } else {
                out.write(b == '+' ? ' ' : b);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int hex(byte b) {
        return Character.digit(b, 16);
    }

    /** The first value of a name, if present. */
    public Optional<String> first(String name) {
        for (Pair p : pairs) {
            if (p.name.equals(name)) {
                return Optional.of(p.value);
            }
        }
        return Optional.empty();
    }

    /** The first value of a name, or the default when absent. */
    public String first(String name, String defaultValue) {
        return first(name).orElse(defaultValue);
    }

    /** Every value of a name, in order; empty when absent. */
    public List<String> all(String name) {
        List<String> values = new ArrayList<>(2);
        for (Pair p : pairs) {
            if (p.name.equals(name)) {
                values.add(p.value);
            }
        }
        return List.copyOf(values);
    }

    /** The distinct names, in order of first appearance. */
    public Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        pairs.forEach(p -> names.add(p.name));
        return Collections.unmodifiableSet(names);
    }

    /** Whether there are no pairs. */
    public boolean isEmpty() {
        return pairs.isEmpty();
    }

    /** The pairs as a list prints them (not the record's form). */
    @Override
    public String toString() {
        return pairs.toString();
    }
}
