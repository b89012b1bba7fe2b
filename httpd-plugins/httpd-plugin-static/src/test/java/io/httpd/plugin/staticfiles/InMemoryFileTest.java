package io.httpd.plugin.staticfiles;

import io.httpd.api.Response;
import io.httpd.api.Response.Body;
import io.httpd.api.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Files up to {@code memory_file_bytes} are answered from memory, with the fields a file
 * region would get; their content is of the same moment as their validators and as stale as
 * the metadata may be, never more.
 */
class InMemoryFileTest {
    private static final long SECOND = 1_000_000_000L;
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz";

    @RegisterExtension
    final Site site = new Site().page("docs/page.html", "<h1>hello</h1>\n");

    @Test
    void smallFileIsSentFromMemoryWithTheSameFields() throws IOException {
        Response response = site.get("/docs/page.html");

        assertEquals(Status.OK, response.status());
        assertEquals(Site.okFields(site.page, "text/html; charset=utf-8"), Site.fields(response));
        Body.Bytes bytes = assertInstanceOf(Body.Bytes.class, response.body());
        assertEquals("<h1>hello</h1>\n", new String(bytes.bytes(), StandardCharsets.UTF_8));

        Response head = site.head("/docs/page.html");
        assertEquals(response.headers(), head.headers());
        assertEquals(15, head.body().length(), "same Content-Length");

        Response region = new Site(site.root).with("memory_file_bytes", 0).get("/docs/page.html");
        assertInstanceOf(Body.FileRegion.class, region.body());
        assertEquals(Site.fields(region), Site.fields(response), "as from the file");
    }

    @Test
    void filesOverTheSizeStayFileRegions() throws IOException {
        byte[] limit = new byte[(int) StaticConfig.DEFAULT_MEMORY_FILE_BYTES];
        site.file("limit.bin", limit, Site.MTIME);
        site.file("over.bin", new byte[limit.length + 1], Site.MTIME);

        assertArrayEquals(limit, assertInstanceOf(Body.Bytes.class,
                site.get("/limit.bin").body()).bytes());
        Response over = site.get("/over.bin");
        assertInstanceOf(Body.FileRegion.class, over.body());
        assertEquals(limit.length + 1, Site.bytes(over).length);

        site.with("memory_file_bytes", 100);
        assertInstanceOf(Body.FileRegion.class, site.get("/limit.bin").body());
        assertInstanceOf(Body.Bytes.class, site.get("/docs/page.html").body());
    }

    @Test
    void emptyFileIsEmptyBytes() throws IOException {
        site.file("empty.txt", "");
        Body.Bytes bytes = assertInstanceOf(Body.Bytes.class, site.get("/empty.txt").body());
        assertEquals(0, bytes.bytes().length);
    }

    /** Within the TTL the old bytes go with the old tag; after it the new with the new. */
    @Test
    void changedFileKeepsContentAndValidatorsTogether() throws IOException {
        String oldTag = site.etag("/docs/page.html");
        site.rewrite("docs/page.html", "<h1>changed, longer</h1>\n");
        site.nanoTime.addAndGet(SECOND - 1);
        Response within = site.get("/docs/page.html");
        assertEquals(oldTag, within.headers().first("ETag").orElseThrow());
        assertEquals("Sun, 01 Mar 2026 08:00:00 GMT",
                within.headers().first("Last-Modified").orElseThrow());
        assertEquals("<h1>hello</h1>\n", Site.text(within), "the bytes of the old tag");

        site.nanoTime.addAndGet(1);
        Response after = site.get("/docs/page.html");
        assertEquals(Site.etag(site.page, ""), after.headers().first("ETag").orElseThrow());
        assertEquals("Sun, 01 Mar 2026 08:01:00 GMT",
                after.headers().first("Last-Modified").orElseThrow());
        assertEquals("<h1>changed, longer</h1>\n", Site.text(after));
    }

    @Test
    void removedFileIsServedFromMemoryAtMostTheTtl() throws IOException {
        site.get("/docs/page.html");
        Files.delete(site.page);
        site.nanoTime.addAndGet(SECOND / 2);
        assertEquals("<h1>hello</h1>\n", site.body("/docs/page.html"));
        site.nanoTime.addAndGet(SECOND / 2);
        assertEquals(Status.NOT_FOUND, site.get("/docs/page.html").status());
    }

    @Test
    void oneRangeIsASliceOfTheHeldBytes() throws IOException {
        Path file = site.file("alphabet.txt", ALPHABET);
        Response response = site.get("/alphabet.txt", "Range", "bytes=23-");

        assertEquals(Status.PARTIAL_CONTENT, response.status());
        assertEquals(Site.okFields(file, "text/plain; charset=utf-8")
                + "Content-Range: bytes 23-25/26\n", Site.fields(response));
        Body.Bytes bytes = assertInstanceOf(Body.Bytes.class, response.body());
        assertEquals("xyz", new String(bytes.bytes(), StandardCharsets.UTF_8));
        assertEquals("abc", Site.text(site.get("/alphabet.txt", "Range", "bytes=0-2")));
    }

    /** Several ranges come from memory too, so they match the announced length. */
    @Test
    void severalRangesAreCopiedFromTheHeldBytes() throws IOException {
        site.file("big.txt", ALPHABET.repeat(10));
        site.get("/big.txt");
        site.file("big.txt", "shrunk"); // within the TTL: the held bytes are still served
        Response response = site.get("/big.txt", "Range", "bytes=-2,0-1");

        assertEquals(Status.PARTIAL_CONTENT, response.status());
        assertInstanceOf(Body.Streamed.class, response.body());
        String text = Site.text(response);
        assertTrue(text.contains("Content-Range: bytes 258-259/260\r\n\r\nyz\r\n"), text);
        assertTrue(text.contains("Content-Range: bytes 0-1/260\r\n\r\nab\r\n"), text);
    }

    @Test
    void sidecarsAreHeldToo() throws IOException {
        site.file("app.js", "identity bytes");
        Path gz = site.file("app.js.gz", "gzip bytes");
        Response response = site.get("/app.js", "Accept-Encoding", "gzip");

        assertEquals("gzip", response.headers().first("Content-Encoding").orElseThrow());
        assertEquals(Site.etag(gz, "gzip"), response.headers().first("ETag").orElseThrow());
        Body.Bytes bytes = assertInstanceOf(Body.Bytes.class, response.body());
        assertEquals("gzip bytes", new String(bytes.bytes(), StandardCharsets.UTF_8));
        assertEquals("zi", Site.text(site.get("/app.js", "Accept-Encoding", "gzip",
                "Range", "bytes=1-2")));
    }

    @Test
    void indexFilesAreHeld() throws IOException {
        site.file("docs/index.html", "<p>docs</p>");
        Response response = site.get("/docs/");
        assertEquals("<p>docs</p>", new String(assertInstanceOf(Body.Bytes.class,
                response.body()).bytes(), StandardCharsets.UTF_8));
    }

    @Test
    void reloadForgetsHeldContent() throws IOException {
        site.with("metadata_ttl", "1h");
        assertEquals("<h1>hello</h1>\n", site.body("/docs/page.html"));
        site.file("docs/page.html", "<h1>bye</h1>\n");
        assertEquals("<h1>hello</h1>\n", site.body("/docs/page.html"));
        site.handler().reload();
        Response response = site.get("/docs/page.html");
        assertEquals("<h1>bye</h1>\n", Site.text(response));
        assertEquals(Site.etag(site.page, ""), response.headers().first("ETag").orElseThrow());
    }

    @Test
    void zeroTtlHoldsNothing() throws IOException {
        site.with("metadata_ttl", "0s");
        Response response = site.get("/docs/page.html");
        assertInstanceOf(Body.FileRegion.class, response.body());
        site.file("docs/page.html", "<h1>now</h1>\n");
        Response changed = site.get("/docs/page.html");
        assertInstanceOf(Body.FileRegion.class, changed.body());
        assertEquals("<h1>now</h1>\n", Site.text(changed));
    }

    /** Over the total, other held files are dropped; every answer stays right. */
    @Test
    void totalMemoryIsCapped() throws IOException {
        site.with("memory_file_bytes", 40).with("memory_total_bytes", 100);
        for (String name : new String[] {"a", "b", "c", "d"}) {
            site.file(name + ".txt", name.repeat(40));
        }
        for (int round = 0; round < 3; round++) {
            for (String name : new String[] {"a", "b", "c", "d"}) {
                Response response = site.get("/" + name + ".txt");
                Body.Bytes bytes = assertInstanceOf(Body.Bytes.class, response.body());
                assertEquals(name.repeat(40), new String(bytes.bytes(), StandardCharsets.UTF_8));
            }
        }
    }
}
