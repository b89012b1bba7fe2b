package io.httpd.plugin.staticfiles;

import io.httpd.api.Headers;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

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
     * @param name its last name as asked, the one its media type comes from; {@code ""} for
     *             the root
     * @param stat its metadata; {@code FILE} or {@code DIRECTORY}
     * @param type the {@code Content-Type} field of {@code name}
     */
    record Found(Path path, String name, FileStat stat, Headers.Field type) implements Lookup {
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

    /** The most names {@link #mapped} keeps before it starts over. */
    static final int MAX_MAPPED = 4096;

    private static final Missing MISSING = new Missing();

    /**
     * A path mapped onto the root, its last name and that name's Content-Type; {@code from}:
     * where the relative part of the key begins (a request path keeps its route's prefix).
     */
    private record Mapped(Path path, String name, Headers.Field type, int from) {
    }

    /** A key of {@link #mapped}: a name inside a directory. */
    private record Child(Path directory, String name) {
    }

    /** A key of {@link #mapped}: a file's name plus a suffix, beside the file. */
    private record Sibling(Path file, String suffix) {
    }

    private final Path realRoot;
    private final boolean dotfiles;
    private final MetadataCache cache;
    private final Function<String, Headers.Field> types;
    /**
     * Names already mapped, so that a hot path costs no Path arithmetic: a path
     * ({@code String}, with the prefix {@link Mapped#from} skips) that named something, a
     * {@link Child} or a {@link Sibling}. Mapping is
     * a pure function of the names (the file system is asked by {@link #found}), so entries
     * never go stale; refused and hidden names are never kept.
     */
    private final ConcurrentHashMap<Object, Mapped> mapped = new ConcurrentHashMap<>();

    /**
     * @param realRoot the root's real path, resolved once at start-up
     * @param dotfiles whether names starting with {@code .} may be served
     * @param cache    where metadata comes from
     */
    FileResolver(Path realRoot, boolean dotfiles, MetadataCache cache) {
        this(realRoot, dotfiles, cache, new MediaTypes(Map.of())::field);
    }

    /** @param types the Content-Type field of a file name, kept with each name mapped */
    FileResolver(Path realRoot, boolean dotfiles, MetadataCache cache,
                 Function<String, Headers.Field> types) {
        this.realRoot = realRoot;
        this.dotfiles = dotfiles;
        this.cache = cache;
        this.types = types;
    }

    /** The root's real path. */
    Path root() {
        return realRoot;
    }

    /**
     * What a {@code /}-separated path relative to the root names. Empty segments are skipped,
     * so {@code ""} and {@code "a//b/"} name the root and {@code a/b}.
     */
    Lookup lookup(String relative) {
        return lookup(relative, 0);
    }

    /**
     * {@link #lookup(String)} of {@code path} from index {@code from} on (a request path below
     * its route), remembered under the whole path, so that a hit cuts no substring.
     */
    Lookup lookup(String path, int from) {
        Mapped known = mapped.get(path);
        if (known != null && known.from() == from) {
            return found(known);
        }
        Path mappedPath = realRoot;
        String name = "";
        for (String segment : path.substring(from).split("/")) {
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
            mappedPath = resolve(mappedPath, segment);
            if (mappedPath == null) {
                return MISSING;
            }
            name = segment;
        }
        Mapped fresh = new Mapped(mappedPath, name, types.apply(name), from);
        Lookup lookup = found(fresh);
        if (lookup instanceof Found) {
            remember(path, fresh); // only what exists: unknown paths cannot fill it
        }
        return lookup;
    }

    /**
     * One name inside a directory already found (an index file), under the same rules as a
     * segment of a request path.
     */
    Lookup child(Path directory, String name) {
        Child key = new Child(directory, name);
        Mapped known = mapped.get(key);
        return known != null ? found(known) : map(key, directory, name);
    }

    /**
     * The file named as {@code file} plus {@code suffix}, beside it (a sidecar), under the
     * same rules as {@link #child}.
     */
    Lookup sibling(Found file, String suffix) {
        Sibling key = new Sibling(file.path(), suffix);
        Mapped known = mapped.get(key);
        return known != null ? found(known)
                : map(key, file.path().getParent(), file.path().getFileName() + suffix);
    }

    /** Maps a name inside a directory, remembers it under {@code key}, and asks for it. */
    private Lookup map(Object key, Path directory, String name) {
        String reason = refusal(name);
        if (reason != null) {
            return new Refused(reason);
        }
        if (isHidden(name)) {
            return MISSING;
        }
        Path path = resolve(directory, name);
        if (path == null) {
            return MISSING;
        }
        Mapped fresh = new Mapped(path, name, types.apply(name), 0);
        remember(key, fresh);
        return found(fresh);
    }

    private void remember(Object key, Mapped value) {
        if (mapped.size() >= MAX_MAPPED) {
            mapped.clear();
        }
        mapped.put(key, value);
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

    private Lookup found(Mapped target) {
        FileStat stat = cache.stat(target.path());
        return switch (stat.kind()) {
            case FILE, DIRECTORY -> new Found(target.path(), target.name(), stat, target.type());
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
