package io.httpd.plugin.staticfiles;

import io.httpd.api.Response;
import io.httpd.api.Response.Body.FileRegion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * A file region names the version of the file that the pre-send check found on disk, so the
 * server may send it from a file it keeps open: a file put in the place of the cached one,
 * even with the same size and modification time, is noticed and named anew.
 */
class FileVersionTest {
    @RegisterExtension
    final Site site = new Site().page("index.html", "<p>hi</p>\n");

    private static FileRegion.Version onDisk(Path file) throws IOException {
        return FileRegion.Version.of(Files.readAttributes(file, BasicFileAttributes.class));
    }

    @Test
    void aRegionNamesTheVersionOnDiskAndAReplacedFileIsAnotherVersion() throws IOException {
        site.with("memory_file_bytes", 0).with("metadata_ttl", "1h");
        Path file = site.file("big.txt", "a".repeat(100).getBytes(StandardCharsets.US_ASCII), Site.MTIME);
        Response first = site.get("/big.txt");
        FileRegion region = assertInstanceOf(FileRegion.class, first.body());
        assertNotNull(region.version());
        assertEquals(onDisk(file), region.version());

        Path next = Files.writeString(file.resolveSibling("next.txt"), "b".repeat(100));
        Files.setLastModifiedTime(next, FileTime.from(Site.MTIME));
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Response second = site.get("/big.txt"); // the metadata is cached for an hour
        FileRegion again = assertInstanceOf(FileRegion.class, second.body());
        assertNotEquals(region.version(), again.version());
        assertEquals(onDisk(file), again.version());
        assertEquals("b".repeat(100), Site.text(second));
    }
}
