package io.httpd.plugin.staticfiles;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An entity tag (RFC 9110 §8.8.3): an opaque string, strong or weak.
 *
 * @param opaque the characters between the quotes
 * @param weak   whether it carries the {@code W/} prefix
 */
record EntityTag(String opaque, boolean weak) {
    EntityTag {
        Objects.requireNonNull(opaque, "opaque");
    }

    /**
     * The strong tag of one representation of a file: its size and modification time in
     * nanoseconds, in hex, plus the content coding when not identity, so that the identity,
     * gzip and br forms of one file never share a tag (§8.8.3.3).
     *
     * @param coding {@code ""} for identity, else the content coding ({@code gzip}, {@code br})
     */
    static EntityTag of(long size, long mtimeNanos, String coding) {
        String tag = Long.toHexString(size) + "-" + Long.toHexString(mtimeNanos);
        return new EntityTag(coding.isEmpty() ? tag : tag + "-" + coding, false);
    }

    /** The strong comparison of §8.8.3.2: both strong, same opaque tag. */
    boolean strongMatch(EntityTag other) {
        return !weak && !other.weak && opaque.equals(other.opaque);
    }

    /** The weak comparison of §8.8.3.2: same opaque tag, either may be weak. */
    boolean weakMatch(EntityTag other) {
        return opaque.equals(other.opaque);
    }

    /**
     * The tags of a {@code #entity-tag} list, as in If-Match and If-None-Match. A malformed
     * list yields no tags at all, so it matches nothing.
     */
    static List<EntityTag> parseList(String value) {
        List<EntityTag> tags = new ArrayList<>(2);
        int i = 0;
        int n = value.length();
        while (i < n) {
            char c = value.charAt(i);
            if (c == ',' || c == ' ' || c == '\t') {
                i++;
                continue;
            }
            int end = parseOne(value, i, tags);
            if (end < 0) {
                return List.of();
            }
            i = end;
            while (i < n && (value.charAt(i) == ' ' || value.charAt(i) == '\t')) {
                i++;
            }
            if (i < n && value.charAt(i) != ',') {
                return List.of();
            }
        }
        return tags;
    }

    /** One tag alone, as in If-Range; empty when the value is not exactly one entity tag. */
    static Optional<EntityTag> parse(String value) {
        List<EntityTag> tags = new ArrayList<>(1);
        String trimmed = value.strip();
        int end = parseOne(trimmed, 0, tags);
        return end == trimmed.length() ? Optional.of(tags.getFirst())
                : Optional.empty();
    }

    /** Parses one tag at {@code start} into {@code tags}; the index after it, or -1. */
    private static int parseOne(String value, int start, List<EntityTag> tags) {
        boolean weak = value.startsWith("W/", start);
        int open = weak ? start + 2 : start;
        if (open >= value.length() || value.charAt(open) != '"') {
            return -1;
        }
        int close = open + 1;
        while (close < value.length() && isEtagChar(value.charAt(close))) {
            close++;
        }
        if (close >= value.length() || value.charAt(close) != '"') {
            return -1;
        }
        tags.add(new EntityTag(value.substring(open + 1, close), weak));
        return close + 1;
    }

    /** {@code etagc = %x21 / %x23-7E / obs-text}. */
    private static boolean isEtagChar(char c) {
        return c == 0x21 || (c >= 0x23 && c <= 0x7e) || (c >= 0x80 && c <= 0xff);
    }

    /** The field value form: {@code "opaque"} or {@code W/"opaque"}. */
    @Override
    public String toString() {
        return (weak ? "W/\"" : "\"") + opaque + '"';
    }
}
