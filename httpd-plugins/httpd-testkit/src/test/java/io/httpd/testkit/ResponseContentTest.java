package io.httpd.testkit;

import io.httpd.api.Headers;
import io.httpd.api.Response;
import io.httpd.api.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ResponseContentTest {
    @TempDir
    Path dir;

    private static Response with(Response.Body body) {
        return new Response(Status.OK, Headers.EMPTY, body);
    }

    @Test
    void readsEachShapeOfBody() throws Exception {
        Path file = Files.writeString(dir.resolve("f.txt"), "0123456789");
        assertEquals("", ResponseContent.text(with(Response.Body.EMPTY)));
        assertEquals("hi", ResponseContent.text(Response.text(Status.OK, "hi")));
        assertEquals("234", ResponseContent.text(with(new Response.Body.FileRegion(file, 2, 3))));
        assertEquals("abc", ResponseContent.text(with(new Response.Body.Streamed(3,
                out -> out.write("abc".getBytes())))));
        assertEquals("chunks", ResponseContent.text(with(new Response.Body.Streamed(-1,
                out -> out.write("chunks".getBytes())))));
    }

    @Test
    void aBodyThatWouldBreakTheFramingFails() throws Exception {
        Path file = Files.writeString(dir.resolve("f.txt"), "0123");
        UncheckedIOException streamed = assertThrows(UncheckedIOException.class, () ->
                ResponseContent.bytes(new Response.Body.Streamed(5, out -> out.write(1))));
        assertEquals("the streamed body declared 5 bytes and wrote 1",
                streamed.getCause().getMessage());
        UncheckedIOException region = assertThrows(UncheckedIOException.class, () ->
                ResponseContent.bytes(new Response.Body.FileRegion(file, 2, 3)));
        assertEquals(file + " ends before offset 2 + length 3", region.getCause().getMessage());
    }
}
