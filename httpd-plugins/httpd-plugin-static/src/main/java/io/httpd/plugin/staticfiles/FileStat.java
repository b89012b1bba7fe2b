package io.httpd.plugin.staticfiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;

/**
 * What the file system said about one path under the root, at one moment: where it really
 * is (symbolic links followed) and what it is.
 *
 * @param real       the real path, no symbolic links left; null unless FILE or DIRECTORY
 * @param kind       what the path names
 * @param size       the size in bytes (files)
 * @param mtimeNanos the last-modified time in nanoseconds since the epoch
 */
record FileStat(Path real, Kind kind, long size, long mtimeNanos) {
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

    private static final FileStat MISSING = new FileStat(null, Kind.MISSING, 0, 0);
    private static final FileStat OUTSIDE = new FileStat(null, Kind.OUTSIDE, 0, 0);

    /**
     * Asks the file system about {@code path}, following symbolic links, and checks that the
     * real path lies inside {@code realRoot} (compared by name elements, so {@code /www2} is
     * not inside {@code /www}).
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
                attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS));
    }

    boolean isFile() {
        return kind == Kind.FILE;
    }

    boolean isDirectory() {
        return kind == Kind.DIRECTORY;
    }
}
