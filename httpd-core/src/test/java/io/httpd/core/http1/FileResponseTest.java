package io.httpd.core.http1;

import io.httpd.api.Headers;
import io.httpd.api.Response;
import io.httpd.api.Status;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

import static io.httpd.core.http1.TestContext.DATE_SERVER;
import static io.httpd.core.http1.TestContext.route;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * File regions: sent with sendfile on sockets (PolledTransport.transferFile) and copied in
 * memory, with the same bytes, counted as sent; a file shorter than its region cuts the
 * connection.
 */
class FileResponseTest {
    static final String HEAD = "Content-Type: application/octet-stream\r\n" + DATE_SERVER;

    @TempDir
    Path dir;

    private TestContext context() throws IOException {
        Path small = Files.writeString(dir.resolve("small.txt"), "0123456789");
        StringBuilder big = new StringBuilder();
        for (int i = 0; big.length() < 100_000; i++) {
            big.append(i).append('\n');
        }
        Path large = Files.writeString(dir.resolve("large.txt"), big);
        return new TestContext(
                route("/small", r -> file(small, 0, 10)),
                route("/region", r -> file(small, 3, 4)),
                route("/large", r -> file(large, 0, Files.size(large))),
                route("/short", r -> file(small, 5, 10)));
    }

    private static Response file(Path file, long offset, long length) {
        return new Response(Status.OK, Headers.of("Content-Type", "application/octet-stream"),
                new Response.Body.FileRegion(file, offset, length));
    }

    /** A region naming the version its file has on disk now, as the static plugin does. */
    private static Response versioned(Path file, long offset, long length) throws IOException {
        return new Response(Status.OK, Headers.of("Content-Type", "application/octet-stream"),
                new Response.Body.FileRegion(file, offset, length, Response.Body.FileRegion.Version.of(
                        Files.readAttributes(file, BasicFileAttributes.class))));
    }

    static String ok(String content) {
        return "HTTP/1.1 200 OK\r\n" + HEAD + "Content-Length: " + content.length() + "\r\n\r\n" + content;
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void wholeFilesAndRegions(Wire wire) throws Exception {
        TestContext t = context();
        String large = Files.readString(dir.resolve("large.txt"), StandardCharsets.ISO_8859_1);
        String requests = "GET /small HTTP/1.1\r\nHost: a\r\n\r\nGET /region HTTP/1.1\r\nHost: a\r\n\r\n"
                + "GET /large HTTP/1.1\r\nHost: a\r\n\r\nGET /small HTTP/1.1\r\nHost: a\r\n\r\n";
        String expected = ok("0123456789") + ok("3456") + ok(large) + ok("0123456789");
        assertEquals(expected, wire.exchange(t.ctx, requests));
        // sendfile's bytes count as sent too; each "Date: *" stands for a 29-character date
        assertEquals(expected.length() + 4 * 28, t.counters.sentBytes());
        assertEquals(requests.length(), t.counters.receivedBytes());
    }

    /**
     * A region with a version may come from a file kept open (KeptFiles), on every wire (the
     * copy of MEMORY and TLS reads at explicit positions); a file put in the place of the
     * kept one, with the same size and modification time, or rewritten in place, is what the
     * next response sends.
     */
    @ParameterizedTest
    @EnumSource(Wire.class)
    void keptFilesSendWhatIsOnDiskNow(Wire wire) throws Exception {
        Path file = Files.writeString(dir.resolve("kept.txt"), "aaaaaaaaaa");
        Path large = dir.resolve("large.bin");
        Files.write(large, new byte[100_000]);
        TestContext t = new TestContext(route("/whole", r -> versioned(file, 0, 10)),
                route("/part", r -> versioned(file, 2, 3)),
                route("/large", r -> versioned(large, 0, 100_000)));
        String requests = "GET /whole HTTP/1.1\r\nHost: a\r\n\r\nGET /part HTTP/1.1\r\nHost: a\r\n\r\n"
                + "GET /large HTTP/1.1\r\nHost: a\r\n\r\nGET /whole HTTP/1.1\r\nHost: a\r\n\r\n";
        String zeros = new String(new byte[100_000], StandardCharsets.ISO_8859_1);
        assertEquals(ok("aaaaaaaaaa") + ok("aaa") + ok(zeros) + ok("aaaaaaaaaa"),
                wire.exchange(t.ctx, requests));

        FileTime mtime = Files.getLastModifiedTime(file);
        Path next = Files.writeString(dir.resolve("next.txt"), "bbbbbbbbbb");
        Files.setLastModifiedTime(next, mtime);
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        assertEquals(ok("bbbbbbbbbb") + ok("bbb"), wire.exchange(t.ctx,
                "GET /whole HTTP/1.1\r\nHost: a\r\n\r\nGET /part HTTP/1.1\r\nHost: a\r\n\r\n"));

        Files.writeString(file, "cccccccccc"); // the same file, written in place
        Files.setLastModifiedTime(file, FileTime.fromMillis(mtime.toMillis() + 1000));
        assertEquals(ok("cccccccccc"), wire.exchange(t.ctx, "GET /whole HTTP/1.1\r\nHost: a\r\n\r\n"));
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void headSendsNoFile(Wire wire) throws Exception {
        assertEquals("HTTP/1.1 200 OK\r\n" + HEAD + "Content-Length: 10\r\n\r\n" + ok("3456"),
                wire.exchange(context().ctx, "HEAD /small HTTP/1.1\r\nHost: a\r\n\r\nGET /region HTTP/1.1\r\nHost: a\r\n\r\n"));
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void aFileShorterThanItsRegionCutsTheConnection(Wire wire) throws Exception {
        TestContext t = context();
        assertEquals("HTTP/1.1 200 OK\r\n" + HEAD + "Content-Length: 10\r\n\r\n56789",
                wire.exchange(t.ctx, "GET /short HTTP/1.1\r\nHost: a\r\n\r\nGET /small HTTP/1.1\r\nHost: a\r\n\r\n"));
        assertEquals(200, t.nextRecord().status());
    }
}
