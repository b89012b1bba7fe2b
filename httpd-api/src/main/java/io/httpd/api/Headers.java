package io.httpd.api;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable, ordered list of header fields with case-insensitive names (RFC 9110 §5).
 * A name may repeat; {@link #all} returns its values in order. Methods that change something
 * return a new instance.
 *
 * @param fields the field lines in order
 */
public record Headers(List<Field> fields) implements Iterable<Headers.Field> {
    /** No fields. */
    public static final Headers EMPTY = new Headers(List.of());

    /**
     * One field line.
     *
     * @param name  a token (RFC 9110 §5.1); compared case-insensitively
     * @param value the field value, without leading or trailing whitespace, CR, LF or NUL
     */
    public record Field(String name, String value) {
        public Field {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            if (!Token.isToken(name)) {
                throw new IllegalArgumentException("not a field name: " + name);
            }
            if (!Token.isFieldValue(value)) {
                throw new IllegalArgumentException("control character in value of " + name);
            }
        }

        /** Whether this field has the given name, ignoring case. */
        public boolean is(String other) {
            return name.equalsIgnoreCase(other);
        }
    }

    public Headers {
        fields = List.copyOf(fields);
    }

    /** Headers from a list of fields, in order. */
    public static Headers of(List<Field> fields) {
        return fields.isEmpty() ? EMPTY : new Headers(fields);
    }

    /** Headers from alternating names and values: {@code of("Content-Type", "text/plain")}. */
    public static Headers of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must come in pairs");
        }
        List<Field> list = new ArrayList<>(namesAndValues.length / 2);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            list.add(new Field(namesAndValues[i], namesAndValues[i + 1]));
        }
        return of(list);
    }

    /** The first value of a field, if present. */
    public Optional<String> first(String name) {
        for (int i = 0, n = fields.size(); i < n; i++) { // no iterator
            Field f = fields.get(i);
            if (f.is(name)) {
                return Optional.of(f.value);
            }
        }
        return Optional.empty();
    }

    /** Every value of a field, in order; empty when absent. */
    public List<String> all(String name) {
        List<String> values = null; // most lookups find nothing: then no array is allocated
        for (int i = 0, n = fields.size(); i < n; i++) { // no iterator
            Field f = fields.get(i);
            if (f.is(name)) {
                if (values == null) {
                    values = new ArrayList<>(2);
                }
                values.add(f.value);
            }
        }
        return values != null ? values : new ArrayList<>();
    }

    /** Whether at least one field has this name. */
    public boolean contains(String name) {
        for (int i = 0, n = fields.size(); i < n; i++) { // no iterator
            Field f = fields.get(i);
            if (f.is(name)) {
                return true;
            }
        }
        return false;
    }

    /** A copy with one more field at the end. */
    public Headers with(String name, String value) {
        List<Field> list = new ArrayList<>(fields.size() + 1);
        list.addAll(fields);
        list.add(new Field(name, value));
        return new Headers(list);
    }

    /** A copy where every field of this name is replaced by one field with this value. */
    public Headers replace(String name, String value) {
        return without(name).with(name, value);
    }

    /** A copy without any field of this name. */
    public Headers without(String name) {
        List<Field> list = new ArrayList<>(fields.size());
        for (int i = 0, n = fields.size(); i < n; i++) { // no iterator
            Field f = fields.get(i);
            if (!f.is(name)) {
                list.add(f);
            }
        }
        return list.size() == fields.size() ? this : of(list);
    }

    /** The number of field lines. */
    public int size() {
        return fields.size();
    }

    @Override
    public Iterator<Field> iterator() {
        return fields.iterator();
    }

    /** The fields as a list prints them (not the record's form). */
    @Override
    public String toString() {
        return fields.toString();
    }
}
