package io.httpd.plugin.staticfiles;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The Range field of a GET (RFC 9110 §14.2) resolved against a representation's length.
 *
 * <p>Protection against range floods (CVE-2011-3192, the Apache "Range: bytes=0-,5-0,5-1,..."
 * denial of service; §17.15): a field with more than {@value #MAX_RANGES} range-specs is
 * ignored, and ranges that overlap or lie closer than {@value #COALESCE_GAP} bytes apart are
 * coalesced (§14.2 allows both), so a response never carries more content than the whole
 * representation plus the headers of at most {@value #MAX_RANGES} parts.
 */
final class ByteRanges {
    /** At most this many range-specs; more and the field is ignored (Apache's MaxRanges). */
    static final int MAX_RANGES = 32;

    /**
     * Ranges closer than this are merged: about the size of a part's own header lines, the
     * "overhead of sending multiple parts" of §14.2.
     */
    static final long COALESCE_GAP = 80;

    /**
     * One satisfiable range, both ends inclusive (§14.1.2).
     *
     * @param first the first byte's offset
     * @param last  the last byte's offset
     */
    record ByteRange(long first, long last) {
        long length() {
            return last - first + 1;
        }

        /** The {@code Content-Range} value for a representation of this length (§14.4). */
        String contentRange(long complete) {
            return "bytes " + first + "-" + last + "/" + complete;
        }
    }

    /** What to send. */
    sealed interface Selection {
    }

    /** Ignore the field: send the whole representation with 200. */
    record Whole() implements Selection {
    }

    /**
     * Send these ranges with 206, in this order: one part, or multipart/byteranges.
     *
     * @param ranges one or more, non-overlapping
     */
    record Partial(List<ByteRange> ranges) implements Selection {
        Partial {
            ranges = List.copyOf(ranges);
        }
    }

    /** No range is satisfiable: 416 with {@code Content-Range: bytes *}{@code /length}. */
    record Unsatisfiable() implements Selection {
    }

    /** A range-spec as written: {@code first < 0} for a suffix range of {@code last} bytes. */
    private record Spec(long first, long last) {
    }

    private static final long OPEN = -1;

    private ByteRanges() {
    }

    /** Resolves a Range field value against a representation of {@code length} bytes. */
    static Selection select(String field, long length) {
        List<Spec> specs = parse(field);
        if (specs == null || specs.size() > MAX_RANGES) {
            return new Whole(); // §14.2: an invalid or abusive field MAY be ignored
        }
        List<ByteRange> satisfiable = new ArrayList<>(specs.size());
        for (Spec spec : specs) {
            ByteRange range = resolve(spec, length);
            if (range != null) {
                satisfiable.add(range);
            }
        }
        if (satisfiable.isEmpty()) {
            // §14.1.1: on an empty representation a non-zero suffix is satisfiable, yet no
            // byte range can express it: the whole (empty) representation is the answer.
            boolean emptySuffix = length == 0 && specs.stream()
                    .anyMatch(s -> s.first() < 0 && s.last() > 0);
            return emptySuffix ? new Whole() : new Unsatisfiable();
        }
        return new Partial(coalesce(satisfiable));
    }

    /** §14.1.1: a satisfiable range of the representation, or null. */
    private static ByteRange resolve(Spec spec, long length) {
        if (spec.first() < 0) {
            if (spec.last() == 0 || length == 0) {
                return null;
            }
            return new ByteRange(Math.max(0, length - spec.last()), length - 1);
        }
        if (spec.first() >= length) {
            return null;
        }
        long last = spec.last() == OPEN ? length - 1 : Math.min(spec.last(), length - 1);
        return new ByteRange(spec.first(), last);
    }

    /**
     * Merges overlapping and nearby ranges. When nothing merges, the client's order is kept
     * (§14.6: parts SHOULD follow the order of the field); otherwise ascending order.
     */
    static List<ByteRange> coalesce(List<ByteRange> ranges) {
        List<ByteRange> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparingLong(ByteRange::first));
        List<ByteRange> merged = new ArrayList<>(sorted.size());
        ByteRange current = sorted.getFirst();
        for (ByteRange next : sorted.subList(1, sorted.size())) {
            if (next.first() - current.last() - 1 < COALESCE_GAP) {
                current = new ByteRange(current.first(), Math.max(current.last(), next.last()));
            } else {
                merged.add(current);
                current = next;
            }
        }
        merged.add(current);
        return merged.size() == ranges.size() ? ranges : merged;
    }

    /**
     * {@code Range = range-unit "=" range-set}, unit {@code bytes} in any case (§14.1), a
     * comma-separated list of specs with optional whitespace and empty elements (§5.6.1);
     * null when the field is invalid or names another unit.
     */
    private static List<Spec> parse(String field) {
        int eq = field.indexOf('=');
        if (eq < 0 || !field.substring(0, eq).strip().toLowerCase(Locale.ROOT).equals("bytes")) {
            return null;
        }
        List<Spec> specs = new ArrayList<>();
        for (String element : field.substring(eq + 1).split(",", -1)) {
            String text = element.strip();
            if (text.isEmpty()) {
                continue;
            }
            Spec spec = parseSpec(text);
            if (spec == null) {
                return null;
            }
            specs.add(spec);
            if (specs.size() > MAX_RANGES) {
                return specs; // over the cap: read no further, the caller ignores the field
            }
        }
        return specs.isEmpty() ? null : specs;
    }

    /** {@code int-range = first-pos "-" [ last-pos ]} or {@code suffix-range = "-" length}. */
    private static Spec parseSpec(String text) {
        int dash = text.indexOf('-');
        if (dash < 0) {
            return null;
        }
        long first = dash == 0 ? OPEN : digits(text.substring(0, dash));
        long last = dash == text.length() - 1 ? OPEN : digits(text.substring(dash + 1));
        if (first == Long.MIN_VALUE || last == Long.MIN_VALUE || (first == OPEN && last == OPEN)) {
            return null;
        }
        if (first != OPEN && last != OPEN && last < first) {
            return null; // §14.1.1: invalid when last-pos is less than first-pos
        }
        return new Spec(first, last);
    }

    /** {@code 1*DIGIT} saturating at Long.MAX_VALUE; Long.MIN_VALUE when not digits. */
    private static long digits(String text) {
        if (text.isEmpty()) {
            return Long.MIN_VALUE;
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return Long.MIN_VALUE;
            }
            value = value > (Long.MAX_VALUE - 9) / 10 ? Long.MAX_VALUE : value * 10 + (c - '0');
        }
        return value;
    }
}
