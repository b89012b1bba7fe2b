package io.httpd.plugin.staticfiles;

import io.httpd.api.Headers;
import io.httpd.api.Response.Body.FileRegion;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * What the file system said about one path under the root, at one moment: where it really
 * is (symbolic links followed) and what it is; for a small file, possibly its bytes as well,
 * read right after and checked against it ({@link #withContent}). Immutable but for the
 * validators and representations it makes on first use ({@link #validators},
 * {@link #representation}), so that a cached stat makes them once.
 */
final class FileStat {
    /** What a path under the root names. */
    enum Kind {
        /** A regular file inside the root. */
        FILE,
        /** A directory inside the root. */
        DIRECTORY,
        /** Absent, unreadable, or neither a regular file nor a directory (FIFO, device). */
        MISSING,
        /** Exists, but its real path lies outside the root: a symbolic link leading out. */
        OUTSIDE,
    }

    private static final FileStat MISSING = new FileStat(null, Kind.MISSING, 0, 0, null, null);
    private static final FileStat OUTSIDE = new FileStat(null, Kind.OUTSIDE, 0, 0, null, null);

    private final Path real;
    private final Kind kind;
    private final long size;
    private final long mtimeNanos;
    private final byte[] content;
    private final FileRegion.Version version;
    // Made on first use. A race only makes them twice: they publish safely (final fields only).
    private Validators identity;
    private Validators coded;
    private Representation identityRepresentation;
    private Representation codedRepresentation;

    /**
     * @param real       the real path, no symbolic links left; null unless FILE or DIRECTORY
     * @param kind       what the path names
     * @param size       the size in bytes (files)
     * @param mtimeNanos the last-modified time in nanoseconds since the epoch
     * @param content    the file's {@code size} bytes as they were at this moment, or null
     *                   when they are not held in memory; never modified
     * @param version    the file's version ({@link FileRegion.Version#of}) of the same moment,
     *                   or null when the file system gives no file key
     */
    FileStat(Path real, Kind kind, long size, long mtimeNanos, byte[] content,
             FileRegion.Version version) {
        this.real = real;
        this.kind = kind;
        this.size = size;
        this.mtimeNanos = mtimeNanos;
        this.content = content;
        this.version = version;
    }

    /**
     * Asks the file system about {@code path}, following symbolic links, and checks that the
     * real path lies inside {@code realRoot} (compared by name elements, so {@code /www2} is
     * not inside {@code /www}). The content is not read.
     */
    static FileStat of(Path realRoot, Path path) {
        Path real;
        BasicFileAttributes attributes;
        try {
            real = path.toRealPath();
            if (!real.startsWith(realRoot)) {
                return OUTSIDE;
            }
            attributes = Files.readAttributes(real, BasicFileAttributes.class);
        } catch (IOException | SecurityException e) {
            return MISSING; // absent, a loop of links, a file used as a folder, no permission
        }
        Kind kind = attributes.isRegularFile() ? Kind.FILE
                : attributes.isDirectory() ? Kind.DIRECTORY : Kind.MISSING;
        if (kind == Kind.MISSING) {
            return MISSING;
        }
        return new FileStat(real, kind, attributes.size(),
                attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS), null,
                FileRegion.Version.of(attributes));
    }

    /**
     * This stat with the file's bytes, when they can be read and still match it: exactly
     * {@link #size} bytes, and the same size and modification time asked again after reading.
     * Otherwise (a file being written, an I/O error) this stat as it is, without content, so
     * that bytes and validators never disagree.
     */
    FileStat withContent() {
        if (kind != Kind.FILE || content != null || size > Integer.MAX_VALUE - 1) {
            return this;
        }
        try {
            byte[] bytes;
            try (InputStream in = Files.newInputStream(real)) {
                bytes = in.readNBytes((int) size + 1); // one more: a file that grew is no match
            }
            BasicFileAttributes after = Files.readAttributes(real, BasicFileAttributes.class);
            boolean same = bytes.length == size && after.isRegularFile() && matches(after);
            return same ? new FileStat(real, kind, size, mtimeNanos, bytes, version) : this;
        } catch (IOException | SecurityException e) {
            return this;
        }
    }

    /**
     * Whether {@code now} (the path asked again) still shows this file: the same size and
     * modification time, and the same file key (not a file put in its place).
     */
    boolean matches(BasicFileAttributes now) {
        return now.size() == size && now.lastModifiedTime().to(TimeUnit.NANOSECONDS) == mtimeNanos
                && Objects.equals(FileRegion.Version.of(now), version);
    }

    /** The validators of this file sent with {@code coding} ({@code ""} for identity). */
    Validators validators(String coding) {
        Validators made = coding.isEmpty() ? identity : coded;
        if (made == null || !made.coding().equals(coding)) {
            made = Validators.of(size, mtimeNanos, coding);
            if (coding.isEmpty()) {
                identity = made;
            } else {
                coded = made; // a sidecar is only ever sent with its one coding
            }
        }
        return made;
    }

    /**
     * This file (or sidecar) as {@code choice} selects it, with its 200 and 304 responses made
     * once per coding and kept, so that a hot file builds no header fields per request. For a
     * file not modified after the response's Date only: a file dated in the future needs
     * {@link Representation#of} per response.
     *
     * @param type         the Content-Type field of the name asked for
     * @param cacheControl the route's Cache-Control field, null for none
     */
    Representation representation(Precompressed.Choice choice, Headers.Field type,
                                  Headers.Field cacheControl) {
        String coding = choice.coding();
        Representation made = coding.isEmpty() ? identityRepresentation : codedRepresentation;
        if (made == null || made.contentType() != type || made.varies() != choice.varies()
                || made.cacheControl() != cacheControl || !made.coding().equals(coding)) {
            made = new Representation(real, version, content, size, type, choice.varies(),
                    validators(coding), cacheControl);
            if (coding.isEmpty()) {
                identityRepresentation = made;
            } else {
                codedRepresentation = made;
            }
        }
        return made;
    }

    Path real() {
        return real;
    }

    Kind kind() {
        return kind;
    }

    long size() {
        return size;
    }

    long mtimeNanos() {
        return mtimeNanos;
    }

    /** The version of the file this stat saw, for the server's open files; null without a key. */
    FileRegion.Version version() {
        return version;
    }

    byte[] content() {
        return content;
    }

    /** How many content bytes this stat holds in memory. */
    int heldBytes() {
        return content == null ? 0 : content.length;
    }

    boolean isFile() {
        return kind == Kind.FILE;
    }

    boolean isDirectory() {
        return kind == Kind.DIRECTORY;
    }
}
