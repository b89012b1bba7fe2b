package io.httpd.plugin.staticfiles;

import io.httpd.api.Response;
import io.httpd.api.Response.Body;
import io.httpd.api.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Conditional requests through the handler (RFC 9110 §13), with the validators a client got
 * from an earlier 200; the full precedence matrix is {@link ConditionalsTest}.
 */
class ConditionalRequestTest {
    @RegisterExtension
    final Site site = new Site();
    String etag;
    String lastModified;

    @BeforeEach
    void site() throws IOException {
        site.with("cache_control", "max-age=60");
        site.file("app.js", "console.log(1);\n");
        site.file("app.js.gz", "gzipped bytes");
        Response first = site.get("/app.js");
        etag = first.headers().first("ETag").orElseThrow();
        lastModified = first.headers().first("Last-Modified").orElseThrow();
    }

    /** §15.4.5: a 304 carries ETag, Vary and Cache-Control as a 200 would, and no content. */
    @Test
    void ifNoneMatchWithTheCurrentTagIs304() throws IOException {
        for (Response response : new Response[] {
            site.get("/app.js", "If-None-Match", etag),
            site.head("/app.js", "If-None-Match", "\"other\", W/" + etag),
            site.get("/app.js", "If-None-Match", "*"),
        }) {
            assertEquals(Status.NOT_MODIFIED, response.status());
            assertEquals("ETag: " + etag + "\n"
                    + "Vary: Accept-Encoding\n"
                    + "Cache-Control: max-age=60\n", Site.fields(response));
            assertEquals(Body.EMPTY, response.body());
        }
    }

    @Test
    void ifModifiedSinceTheLastModifiedDateIs304() throws IOException {
        assertEquals(Status.NOT_MODIFIED,
                site.get("/app.js", "If-Modified-Since", lastModified).status());
        assertEquals(Status.OK, site.get("/app.js",
                "If-Modified-Since", "Sat, 28 Feb 2026 08:00:00 GMT").status());
    }

    @Test
    void aTagOfAnotherRepresentationDoesNotMatch() throws IOException {
        Response gzip = site.get("/app.js", "Accept-Encoding", "gzip", "If-None-Match", etag);
        assertEquals(Status.OK, gzip.status(), "the gzip form has a tag of its own");
        String gzipTag = gzip.headers().first("ETag").orElseThrow();
        assertEquals(Status.NOT_MODIFIED, site.get("/app.js",
                "Accept-Encoding", "gzip", "If-None-Match", gzipTag).status());
        assertEquals(Status.OK, site.get("/app.js", "If-None-Match", gzipTag).status());
    }

    @Test
    void failedIfMatchIs412() throws IOException {
        Response response = site.get("/app.js", "If-Match", "\"stale\"");
        assertEquals(Status.PRECONDITION_FAILED, response.status());
        assertEquals("Content-Type: text/plain; charset=utf-8\n", Site.fields(response));
        assertEquals("412 Precondition Failed\n", Site.text(response));
        assertEquals(Status.OK, site.get("/app.js", "If-Match", etag).status());
    }

    @Test
    void failedIfUnmodifiedSinceIs412() throws IOException {
        assertEquals(Status.PRECONDITION_FAILED, site.get("/app.js",
                "If-Unmodified-Since", "Sat, 28 Feb 2026 08:00:00 GMT").status());
        assertEquals(Status.OK, site.get("/app.js", "If-Unmodified-Since", lastModified).status());
    }

    /** §13.2.1: preconditions are ignored when the answer would not be 2xx anyway. */
    @Test
    void preconditionsOnMissingFilesAre404() throws IOException {
        assertEquals(Status.NOT_FOUND, site.get("/gone.js", "If-Match", "*").status());
        assertEquals(Status.NOT_FOUND, site.get("/gone.js", "If-None-Match", "*").status());
    }

    /** §13.2.2 step 5: Range is looked at only after the preconditions passed. */
    @Test
    void preconditionsComeBeforeRange() throws IOException {
        assertEquals(Status.NOT_MODIFIED,
                site.get("/app.js", "If-None-Match", etag, "Range", "bytes=0-0").status());
        assertEquals(Status.PRECONDITION_FAILED,
                site.get("/app.js", "If-Match", "\"x\"", "Range", "bytes=0-0").status());
        assertEquals(Status.PARTIAL_CONTENT,
                site.get("/app.js", "If-Match", etag, "Range", "bytes=0-0").status());
    }
}
