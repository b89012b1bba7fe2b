package io.httpd.plugin.staticfiles;

import io.httpd.api.Method;
import io.httpd.api.Response;
import io.httpd.api.Response.Body;
import io.httpd.api.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** A plain 200: exact fields, the body as a file region, HEAD alike, and 404s. */
class StaticFileResponseTest {
    @RegisterExtension
    final Site site = new Site().page("docs/page.html", "<h1>hello</h1>\n");

    @Test
    void getSendsTheFileAsARegionWithValidators() throws IOException {
        site.with("memory_file_bytes", 0); // small files would be sent from memory
        Response response = site.get("/docs/page.html");

        assertEquals(Status.OK, response.status());
        assertEquals(Site.okFields(site.page, "text/html; charset=utf-8"), Site.fields(response));
        Body.FileRegion region = assertInstanceOf(Body.FileRegion.class, response.body());
        assertEquals(site.page.toRealPath(), region.file());
        assertEquals(0, region.offset());
        assertEquals(15, region.length());
        assertEquals("<h1>hello</h1>\n", Site.text(response));
    }

    @Test
    void headAnswersAsGetDoes() throws IOException {
        Response get = site.get("/docs/page.html");
        Response head = site.head("/docs/page.html");
        assertEquals(get.status(), head.status());
        assertEquals(get.headers(), head.headers());
        assertEquals(get.body().length(), head.body().length(), "same Content-Length");
    }

    @Test
    void lastModifiedIsNeverAfterNow() throws IOException {
        Path future = site.file("future.txt", "x".getBytes(StandardCharsets.UTF_8),
                Instant.parse("2030-01-01T00:00:00Z"));
        Response response = site.get("/future.txt");
        assertEquals("Thu, 05 Mar 2026 12:00:00 GMT",
                response.headers().first("Last-Modified").orElseThrow());
        assertEquals(Site.etag(future, ""), response.headers().first("ETag").orElseThrow());
    }

    /** A cached stat keeps its own date; each response is dated against its own now. */
    @Test
    void lastModifiedOfACachedFileFollowsTheClock() throws IOException {
        site.with("metadata_ttl", "1h");
        site.file("soon.txt", "x".getBytes(StandardCharsets.UTF_8),
                Instant.parse("2026-03-05T12:00:30Z"));
        assertEquals("Thu, 05 Mar 2026 12:00:00 GMT",
                site.get("/soon.txt").headers().first("Last-Modified").orElseThrow());
        site.now = Site.NOW.plusSeconds(10);
        assertEquals("Thu, 05 Mar 2026 12:00:10 GMT",
                site.get("/soon.txt").headers().first("Last-Modified").orElseThrow());
        site.now = Site.NOW.plusSeconds(60);
        assertEquals("Thu, 05 Mar 2026 12:00:30 GMT",
                site.get("/soon.txt").headers().first("Last-Modified").orElseThrow());
    }

    @Test
    void typeComesFromTheNameAsked() throws IOException {
        Files.createSymbolicLink(site.root.resolve("page.txt"), Path.of("docs/page.html"));
        Response response = site.get("/page.txt");
        assertEquals("text/plain; charset=utf-8",
                response.headers().first("Content-Type").orElseThrow());
        assertEquals("<h1>hello</h1>\n", Site.text(response));
    }

    @Test
    void routeSettingsApply() throws IOException {
        site.file("data.log", "line\n");
        site.with("cache_control", "public, max-age=60")
                .with("mime_types", Map.of("log", "text/plain", ".html", "application/xhtml+xml"));

        Response log = site.get("/data.log");
        assertEquals("text/plain; charset=utf-8", log.headers().first("Content-Type").orElseThrow());
        assertEquals("public, max-age=60", log.headers().first("Cache-Control").orElseThrow());
        assertEquals("application/xhtml+xml",
                site.get("/docs/page.html").headers().first("Content-Type").orElseThrow());
    }

    @Test
    void servesBelowAPrefixRoute() throws IOException {
        Response response = site.send(Method.GET, "/static/", "/static/docs/page.html", "");
        assertEquals(Status.OK, response.status());
        assertEquals("<h1>hello</h1>\n", Site.text(response));
        assertEquals(Status.NOT_FOUND,
                site.send(Method.GET, "/static/", "/docs/page.html", "").status());
    }

    @Test
    void missingFilesAndFilesAskedAsFoldersAre404() throws IOException {
        for (String path : new String[] {"/nope.html", "/docs/page.html/", "/docs/page.html/x"}) {
            Response response = site.get(path);
            assertEquals(Status.NOT_FOUND, response.status(), path);
            assertEquals("Content-Type: text/plain; charset=utf-8\n", Site.fields(response));
            assertEquals("404 Not Found\n", Site.text(response));
        }
    }

    @Test
    void emptyFilesAreEmptyRegions() throws IOException {
        site.file("empty.txt", "");
        Response response = site.get("/empty.txt");
        assertEquals(Status.OK, response.status());
        assertEquals(0, response.body().length());
    }
}
