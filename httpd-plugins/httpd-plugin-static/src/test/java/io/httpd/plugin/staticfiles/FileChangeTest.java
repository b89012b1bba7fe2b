package io.httpd.plugin.staticfiles;

import io.httpd.api.Response;
import io.httpd.api.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * A file changed while its metadata is cached: the old validators may be used for at most
 * {@code metadata_ttl} (default 1s), never longer; "0s" turns the cache off.
 */
class FileChangeTest {
    private static final long SECOND = 1_000_000_000L;

    @RegisterExtension
    final Site site = new Site().page("page.html", "version 1");

    @Test
    void changedFileIsSeenOnceTheDefaultTtlPassed() throws IOException {
        String oldTag = site.etag("/page.html");
        site.rewrite("page.html", "version 2, longer");
        site.nanoTime.addAndGet(SECOND / 2);
        assertEquals(oldTag, site.etag("/page.html"),
                "within the TTL the cached metadata may still be used");

        site.nanoTime.addAndGet(SECOND / 2);
        Response after = site.get("/page.html");
        String newTag = after.headers().first("ETag").orElseThrow();
        assertNotEquals(oldTag, newTag);
        assertEquals(Site.etag(site.page, ""), newTag);
        assertEquals("version 2, longer", Site.text(after));
        assertEquals(Status.NOT_MODIFIED, site.get("/page.html", "If-None-Match", newTag).status());
        assertEquals(Status.OK, site.get("/page.html", "If-None-Match", oldTag).status());
    }

    @Test
    void zeroTtlSeesEveryChangeAtOnce() throws IOException {
        site.with("metadata_ttl", "0s");
        assertEquals("version 1", site.body("/page.html"));
        site.file("page.html", "version 2");
        assertEquals("version 2", site.body("/page.html"));
        Files.delete(site.page);
        assertEquals(Status.NOT_FOUND, site.get("/page.html").status());
    }

    @Test
    void removedAndAddedFilesShowWithinTheTtl() throws IOException {
        assertEquals(Status.NOT_FOUND, site.get("/new.html").status());
        site.file("new.html", "new");
        Files.delete(site.page);
        site.nanoTime.addAndGet(SECOND);
        assertEquals("new", site.body("/new.html"));
        assertEquals(Status.NOT_FOUND, site.get("/page.html").status());
    }

    @Test
    void reloadForgetsCachedMetadata() throws IOException {
        site.with("metadata_ttl", "1h");
        site.get("/page.html");
        site.file("page.html", "version 2");
        site.handler().reload();
        assertEquals("version 2", site.body("/page.html"));
    }
}
