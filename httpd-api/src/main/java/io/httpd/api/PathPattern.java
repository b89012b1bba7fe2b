package io.httpd.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A path of literal segments and {@code {name}} segments, matched segment by segment against
 * a decoded path such as {@link Request#remainingPath()}. A {@code {name}} segment matches one
 * non-empty segment; literal segments match exactly; the number of segments must agree.
 * Immutable and thread-safe: build one in the factory, match in the handler.
 *
 * <pre>{@code
 * // [[route]] path = "/users/" handler = "users"
 * PathPattern post = PathPattern.of("{user}/posts/{id}");
 * post.match(request.remainingPath());   // "ada/posts/7" -> Optional[{user=ada, id=7}]
 * }</pre>
 */
public final class PathPattern {
    private final String pattern;
    private final List<String> segments;

    private PathPattern(String pattern, List<String> segments) {
        this.pattern = pattern;
        this.segments = segments;
    }

    /**
     * A pattern; a leading {@code /} is ignored, so {@code "/a/{b}"} and {@code "a/{b}"} agree.
     *
     * @throws IllegalArgumentException for an empty or repeated name, or a brace inside a
     *                                  segment
     */
    public static PathPattern of(String pattern) {
        List<String> segments = split(pattern);
        List<String> names = new ArrayList<>();
        for (String s : segments) {
            String name = name(s);
            if (name == null && (s.indexOf('{') >= 0 || s.indexOf('}') >= 0)) {
                throw new IllegalArgumentException("a {name} must be a whole segment: " + pattern);
            }
            if (name != null && (name.isEmpty() || names.contains(name))) {
                throw new IllegalArgumentException("empty or repeated {name}: " + pattern);
            }
            if (name != null) {
                names.add(name);
            }
        }
        return new PathPattern(pattern, List.copyOf(segments));
    }

    /** The named segments of a path, or empty when it does not match. */
    public Optional<Map<String, String>> match(String path) {
        List<String> actual = split(path);
        if (actual.size() != segments.size()) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            String name = name(segments.get(i));
            String segment = actual.get(i);
            if (name != null && !segment.isEmpty()) {
                values.put(name, segment);
            } else if (!segments.get(i).equals(segment)) {
                return Optional.empty();
            }
        }
        return Optional.of(Collections.unmodifiableMap(values));
    }

    private static List<String> split(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.isEmpty() ? List.of() : List.of(p.split("/", -1));
    }

    private static String name(String segment) {
        return segment.length() >= 2 && segment.startsWith("{") && segment.endsWith("}")
                ? segment.substring(1, segment.length() - 1) : null;
    }

    @Override
    public String toString() {
        return pattern;
    }
}
