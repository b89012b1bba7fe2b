package io.httpd.api;

import io.httpd.api.Response.Body.FileRegion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What tells one version of a file from another: key, size and modification time. */
class FileRegionVersionTest {
    @TempDir
    Path dir;

    private static FileRegion.Version of(Path file) throws IOException {
        return FileRegion.Version.of(Files.readAttributes(file, BasicFileAttributes.class));
    }

    @Test
    void theSameFileUnchangedIsTheSameVersion() throws IOException {
        Path file = Files.writeString(dir.resolve("a"), "abc");
        assertEquals(of(file), of(file));
        assertEquals(3, of(file).size());
        assertEquals(Files.getLastModifiedTime(file).toMillis() * 1_000_000L,
                of(file).modifiedNanos() / 1_000_000L * 1_000_000L);
    }

    @Test
    void anotherFileWithTheSameSizeAndTimeIsAnotherVersion() throws IOException {
        Path a = Files.writeString(dir.resolve("a"), "abc");
        Path b = Files.writeString(dir.resolve("b"), "abc");
        Files.setLastModifiedTime(b, Files.getLastModifiedTime(a));
        assertEquals(of(a).size(), of(b).size());
        assertEquals(of(a).modifiedNanos(), of(b).modifiedNanos());
        assertNotEquals(of(a), of(b));
    }

    @Test
    void aNewTimeOrSizeIsAnotherVersion() throws IOException {
        Path a = Files.writeString(dir.resolve("a"), "abc");
        FileRegion.Version first = of(a);
        Files.setLastModifiedTime(a, FileTime.fromMillis(Files.getLastModifiedTime(a).toMillis() + 1000));
        assertNotEquals(first, of(a));
        FileRegion.Version second = of(a);
        Files.writeString(a, "abcd");
        Files.setLastModifiedTime(a, FileTime.fromMillis(second.modifiedNanos() / 1_000_000L));
        assertNotEquals(second, of(a));
    }

    @Test
    void aRegionWithoutAVersionHasNone() {
        assertNull(new FileRegion(Path.of("x"), 0, 1).version());
        assertThrows(NullPointerException.class, () -> new FileRegion.Version(null, 1, 1));
    }
}
