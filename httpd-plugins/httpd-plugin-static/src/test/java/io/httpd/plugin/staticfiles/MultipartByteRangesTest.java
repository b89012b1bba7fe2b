package io.httpd.plugin.staticfiles;

import io.httpd.plugin.staticfiles.ByteRanges.ByteRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RFC 9110 §14.6: the exact bytes of a multipart/byteranges body and its length. */
class MultipartByteRangesTest {
    @TempDir
    Path folder;

    @Test
    void writesEachRangeAsAPartWithItsExactLength() throws Exception {
        Path file = Files.writeString(folder.resolve("alphabet.txt"), "abcdefghijklmnopqrstuvwxyz");
        MultipartByteRanges body = new MultipartByteRanges(file, 26, "text/plain; charset=utf-8",
                List.of(new ByteRange(0, 2), new ByteRange(23, 25)), "SEP");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        body.writeTo(out);

        String expected = "--SEP\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "Content-Range: bytes 0-2/26\r\n"
                + "\r\n"
                + "abc\r\n"
                + "--SEP\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "Content-Range: bytes 23-25/26\r\n"
                + "\r\n"
                + "xyz\r\n"
                + "--SEP--\r\n";
        assertEquals(expected, out.toString(StandardCharsets.ISO_8859_1));
        assertEquals(expected.length(), body.length());
        assertEquals("multipart/byteranges; boundary=SEP", body.contentType());
    }

    @Test
    void boundariesAreRandomAndShort() throws Exception {
        Path file = Files.writeString(folder.resolve("f"), "0123456789");
        List<ByteRange> ranges = List.of(new ByteRange(0, 0), new ByteRange(9, 9));
        String first = new MultipartByteRanges(file, 10, "text/plain", ranges).contentType();
        String second = new MultipartByteRanges(file, 10, "text/plain", ranges).contentType();
        assertTrue(first.matches("multipart/byteranges; boundary=httpd-[0-9a-f]{16}"), first);
        assertTrue(!first.equals(second), "a new boundary per response");
    }

    @Test
    void failsWhenTheFileShrankBeforeWriting() throws Exception {
        Path file = Files.writeString(folder.resolve("f"), "0123456789");
        MultipartByteRanges body = new MultipartByteRanges(file, 10, "text/plain",
                List.of(new ByteRange(0, 0), new ByteRange(8, 9)), "SEP");
        Files.writeString(file, "0123");
        assertThrows(EOFException.class, () -> body.writeTo(new ByteArrayOutputStream()));
    }
}
