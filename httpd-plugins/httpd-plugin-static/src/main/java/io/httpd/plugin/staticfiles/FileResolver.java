package io.httpd.plugin.staticfiles;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Maps a request path onto the root, segment by segment: the plugin's second wall behind the
 * server's own normalization (which already decoded the path once, removed dot-segments and
 * refused climbing above "/" and control characters).
 *
 * <p>A segment is refused when it is {@code .} or {@code ..} (CVE-2021-41773 and
 * CVE-2021-42013: Apache 2.4.49/50 let {@code .%2e/} and {@code .%%32%65/} through), holds a
 * backslash (a separator on Windows; CVE-2007-0450: {@code ..\} and {@code %5C} in Tomcat),
 * a NUL or other control character (CVE-2021-34429: Jetty's {@code /.%00/WEB-INF/}), or
 * U+FFFD or a lone surrogate (what a lenient decoder makes of overlong or malformed UTF-8,
 * as IIS did with {@code ..%c0%af} in CVE-2000-0884). A path whose real location, symbolic
 * links followed, lies outside the real root is refused as well. A segment that starts with
 * {@code .} is hidden (not found, not logged) unless dotfiles are shown. The path is never
 * percent-decoded again, so {@code %2e%2e} arriving as text stays a plain name.
 */
final class FileResolver {
    /** Why a path names nothing that may be served. */
    sealed interface Lookup {
    }

    /**
     * A file or directory inside the root.
     *
     * @param path the path as mapped onto the root (before following links)
     * @param stat its metadata; {@code FILE} or {@code DIRECTORY}
     */
    record Found(Path path, FileStat stat) implements Lookup {
    }

    /** Nothing to serve: absent, hidden, or neither a file nor a directory. Not logged. */
    record Missing() implements Lookup {
    }

    /**
     * A path that tries to leave the root or to smuggle a name; answered 404 and logged.
     *
     * @param reason a stable word: {@code dot-segment}, {@code backslash},
     *               {@code control-character}, {@code malformed-utf8}, {@code outside-root}
     */
    record Refused(String reason) implements Lookup {
    }

    private static final Missing MISSING = new Missing();

    private final Path realRoot;
    private final boolean dotfiles;
    private final MetadataCache cache;

    /**
     * @param realRoot the root's real path, resolved once at start-up
     * @param dotfiles whether names starting with {@code .} may be served
     * @param cache    where metadata comes from
     */
    FileResolver(Path realRoot, boolean dotfiles, MetadataCache cache) {
        this.realRoot = realRoot;
        this.dotfiles = dotfiles;
        this.cache = cache;
    }

    /** The root's real path. */
    Path root() {
        return realRoot;
    }

    /** Whether names starting with {@code .} may be served. */
    boolean showsDotfiles() {
        return dotfiles;
    }

    /**
     * What a {@code /}-separated path relative to the root names. Empty segments are skipped,
     * so {@code ""} and {@code "a//b/"} name the root and {@code a/b}.
     */
    Lookup lookup(String relative) {
        Path path = realRoot;
        for (String segment : relative.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            String reason = refusal(segment);
            if (reason != null) {
                return new Refused(reason);
            }
            if (isHidden(segment)) {
                return MISSING;
            }
            path = resolve(path, segment);
            if (path == null) {
                return MISSING;
            }
        }
        return found(path);
    }

    /**
     * One name inside a directory already found (an index file, a sidecar), under the same
     * rules as a segment of a request path.
     */
    Lookup child(Path directory, String name) {
        String reason = refusal(name);
        if (reason != null) {
            return new Refused(reason);
        }
        if (isHidden(name)) {
            return MISSING;
        }
        Path path = resolve(directory, name);
        return path == null ? MISSING : found(path);
    }

    /**
     * A name inside a directory, or null when the platform cannot represent it (a non-ASCII
     * name when the JVM runs in the C/POSIX locale): no file can have that name here.
     */
    private static Path resolve(Path directory, String name) {
        try {
            return directory.resolve(name);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private Lookup found(Path path) {
        FileStat stat = cache.stat(path);
        return switch (stat.kind()) {
            case FILE, DIRECTORY -> new Found(path, stat);
            case OUTSIDE -> new Refused("outside-root");
            case MISSING -> MISSING;
        };
    }

    /** Whether a name is hidden by the dotfile rule. */
    boolean isHidden(String name) {
        return !dotfiles && name.startsWith(".");
    }

    /** Why a single path segment must be refused, or null when it may be mapped. */
    static String refusal(String segment) {
        if (segment.equals(".") || segment.equals("..")) {
            return "dot-segment";
        }
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '\\') {
                return "backslash";
            }
            if (c < 0x20 || c == 0x7f) {
                return "control-character";
            }
            if (c == '\uFFFD' || isLoneSurrogate(segment, i)) {
                return "malformed-utf8";
            }
            if (Character.isHighSurrogate(c)) {
                i++; // the low half was checked with it
            }
        }
        return null;
    }

    private static boolean isLoneSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        return Character.isLowSurrogate(c);
    }
}
