package io.httpd.plugin.staticfiles;

import io.httpd.api.Response;
import io.httpd.api.Response.Body;
import io.httpd.api.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * A file's 200 and 304 are made once per version of the file (its cached metadata) and
 * reused while it is unchanged; a changed file (real files, rewritten between requests) gets
 * responses made from its new state once the metadata TTL has passed, never a mix.
 */
class PreparedResponsesTest {
    private static final long SECOND = 1_000_000_000L;
    /** Over {@code memory_file_bytes} (16 KiB): sent from disk. */
    private static final String BIG = "b".repeat(20_000);

    @RegisterExtension
    final Site site = new Site().page("page.html", "version 1");

    @Test
    void anUnchangedFileAnswersWithTheSameResponse() throws IOException {
        site.file("big.txt", BIG);
        for (String path : new String[] {"/page.html", "/big.txt"}) {
            Response first = site.get(path);
            assertEquals(Status.OK, first.status());
            assertSame(first, site.get(path), path);
            assertSame(first, site.head(path), path + ": HEAD answers as GET");
            String etag = first.headers().first("ETag").orElseThrow();
            Response notModified = site.get(path, "If-None-Match", etag);
            assertEquals(Status.NOT_MODIFIED, notModified.status());
            assertSame(notModified, site.get(path, "if-none-match", etag), path);
        }
        assertInstanceOf(Body.Bytes.class, site.get("/page.html").body());
        assertInstanceOf(Body.FileRegion.class, site.get("/big.txt").body());
    }

    @Test
    void aRewrittenFileGetsResponsesOfItsNewStateAfterTheTtl() throws IOException {
        Path big = site.file("big.txt", BIG);
        Response small = site.get("/page.html");
        Response large = site.get("/big.txt");
        site.rewrite("page.html", "version 2, longer");
        site.rewrite("big.txt", BIG + "!");
        site.nanoTime.addAndGet(SECOND / 2);
        assertSame(small, site.get("/page.html"), "within the TTL: the old version, whole");
        assertEquals("version 1", Site.text(site.get("/page.html")));

        site.nanoTime.addAndGet(SECOND / 2);
        Response newSmall = site.get("/page.html");
        assertNotSame(small, newSmall);
        assertEquals(Site.okFields(site.page, "text/html; charset=utf-8")
                .replace("08:00:00", "08:01:00"), Site.fields(newSmall));
        assertEquals("version 2, longer", Site.text(newSmall));
        assertEquals("version 2, longer".length(), newSmall.body().length());
        Response newLarge = site.get("/big.txt");
        assertNotSame(large, newLarge);
        assertEquals(Site.okFields(big, "text/plain; charset=utf-8")
                .replace("08:00:00", "08:01:00"), Site.fields(newLarge));
        assertEquals(BIG + "!", Site.text(newLarge));
        assertSame(newSmall, site.get("/page.html"));
        assertSame(newLarge, site.get("/big.txt"));
    }

    /** A field that asks for a condition or a range, in any case, is still evaluated. */
    @Test
    void conditionsAndRangesInAnyCaseAreEvaluated() throws IOException {
        Response whole = site.get("/page.html");
        String etag = whole.headers().first("ETag").orElseThrow();
        assertEquals(Status.PARTIAL_CONTENT, site.get("/page.html", "rANGE", "bytes=0-6").status());
        assertEquals("version", Site.text(site.get("/page.html", "range", "bytes=0-6")));
        assertEquals(Status.PRECONDITION_FAILED,
                site.get("/page.html", "iF-mAtCh", "\"other\"").status());
        assertEquals(Status.NOT_MODIFIED,
                site.get("/page.html", "IF-NONE-MATCH", etag).status());
        assertEquals(Status.NOT_MODIFIED, site.get("/page.html", "if-modified-since",
                "Sun, 01 Mar 2026 08:00:00 GMT").status());
        assertSame(whole, site.get("/page.html", "Accept", "text/html", "X-If", "1"),
                "other fields change nothing");
    }

    /** Each variant (identity, gzip) keeps its own responses, and says Vary in both. */
    @Test
    void eachRepresentationKeepsItsOwnResponses() throws IOException {
        site.file("page.html.gz", new String(new byte[] {0x1f, (byte) 0x8b},
                StandardCharsets.ISO_8859_1));
        Response identity = site.get("/page.html");
        Response gzip = site.get("/page.html", "Accept-Encoding", "gzip");
        assertEquals("gzip", gzip.headers().first("Content-Encoding").orElseThrow());
        assertEquals("Accept-Encoding", identity.headers().first("Vary").orElseThrow());
        for (int i = 0; i < 2; i++) {
            assertSame(identity, site.get("/page.html"));
            assertSame(gzip, site.get("/page.html", "Accept-Encoding", "gzip"));
        }
    }
}
