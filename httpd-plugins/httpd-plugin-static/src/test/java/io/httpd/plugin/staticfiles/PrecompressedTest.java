package io.httpd.plugin.staticfiles;

import io.httpd.api.Response;
import io.httpd.api.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Sidecar negotiation (RFC 9110 §12.5.3, §8.4): which bytes, which fields, which tag. */
class PrecompressedTest {
    @RegisterExtension
    final Site site = new Site();
    Path js;
    Path br;
    Path gz;

    @BeforeEach
    void site() throws IOException {
        js = site.file("app.js", "identity bytes");
        br = site.file("app.js.br", "br bytes");
        gz = site.file("app.js.gz", "gzip bytes");
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
        "gzip, deflate, br       | br",
        "br                      | br",
        "gzip                    | gzip",
        "x-gzip                  | gzip",
        "gzip;q=1, br;q=0.5      | gzip",
        "br;q=0, gzip            | gzip",
        "br;q=0, gzip;q=0        | identity",
        "identity                | identity",
        "*                       | br",
        "*;q=0.5, identity       | identity",
        "deflate                 | identity",
        "NONE                    | identity",
    })
    void servesTheBestAcceptedSidecar(String acceptEncoding, String expected) throws IOException {
        Response response = acceptEncoding == null ? site.get("/app.js")
                : site.get("/app.js", "Accept-Encoding", acceptEncoding);

        assertEquals(Status.OK, response.status());
        String coding = expected.equals("identity") ? "" : expected;
        Path sent = switch (expected) {
            case "br" -> br;
            case "gzip" -> gz;
            default -> js;
        };
        assertEquals("Content-Type: text/javascript; charset=utf-8\n"
                + (coding.isEmpty() ? "" : "Content-Encoding: " + coding + "\n")
                + "Accept-Ranges: bytes\n"
                + "ETag: " + Site.etag(sent, coding) + "\n"
                + "Last-Modified: Sun, 01 Mar 2026 08:00:00 GMT\n"
                + "Vary: Accept-Encoding\n", Site.fields(response));
        assertEquals(Files.readString(sent), Site.text(response));
    }

    @Test
    void eachRepresentationHasItsOwnTag() throws IOException {
        Set<String> tags = new HashSet<>();
        for (String accept : new String[] {"br", "gzip", "identity"}) {
            tags.add(site.get("/app.js", "Accept-Encoding", accept).headers().first("ETag")
                    .orElseThrow());
        }
        assertEquals(3, tags.size(), tags.toString());
    }

    @Test
    void sidecarOlderThanTheFileIsNeverSent() throws IOException {
        Files.setLastModifiedTime(br, Files.getLastModifiedTime(js));
        site.file("app.js.gz", "old gzip".getBytes(StandardCharsets.UTF_8), Site.MTIME.minusSeconds(1));
        Response response = site.get("/app.js", "Accept-Encoding", "gzip");
        assertEquals("identity bytes", Site.text(response));
        assertEquals("Accept-Encoding", response.headers().first("Vary").orElseThrow(),
                "the br sidecar of the same age still counts");

        Files.delete(br);
        site.nanoTime.addAndGet(StaticConfig.DEFAULT_METADATA_TTL.toNanos()); // seen after the TTL
        Response none = site.get("/app.js", "Accept-Encoding", "gzip, br");
        assertEquals("identity bytes", Site.text(none));
        assertFalse(none.headers().contains("Vary"), "no usable sidecar: nothing varies");
    }

    @Test
    void routeCanTurnSidecarsOff() throws IOException {
        site.with("precompressed", false);
        Response response = site.get("/app.js", "Accept-Encoding", "br, gzip");
        assertEquals("identity bytes", Site.text(response));
        assertFalse(response.headers().contains("Content-Encoding"));
        assertFalse(response.headers().contains("Vary"));
    }

    @Test
    void rangesApplyToTheRepresentationSent() throws IOException {
        Response response = site.get("/app.js", "Accept-Encoding", "br", "Range", "bytes=0-1");
        assertEquals(Status.PARTIAL_CONTENT, response.status());
        assertEquals("br", response.headers().first("Content-Encoding").orElseThrow());
        assertEquals("bytes 0-1/8", response.headers().first("Content-Range").orElseThrow());
        assertEquals("br", Site.text(response));
    }

    /** A multipart body with Content-Encoding would read as an encoded multipart: whole. */
    @Test
    void severalRangesOfAnEncodedRepresentationAreSentWhole() throws IOException {
        site.file("big.js", "x".repeat(1000));
        site.file("big.js.gz", "g".repeat(500));
        Response response = site.get("/big.js", "Accept-Encoding", "gzip",
                "Range", "bytes=0-0,400-400");
        assertEquals(Status.OK, response.status());
        assertEquals(500, Site.bytes(response).length);
    }

    @Test
    void indexFilesHaveSidecarsToo() throws IOException {
        site.file("index.html", "<p>home</p>");
        site.file("index.html.gz", "gz home");
        Response response = site.get("/", "Accept-Encoding", "gzip");
        assertEquals("gzip", response.headers().first("Content-Encoding").orElseThrow());
        assertEquals("text/html; charset=utf-8",
                response.headers().first("Content-Type").orElseThrow());
        assertEquals("gz home", Site.text(response));
    }

    @Test
    void askingForTheSidecarItselfGetsItAsIs() throws IOException {
        Response response = site.get("/app.js.gz", "Accept-Encoding", "gzip");
        assertEquals("application/gzip", response.headers().first("Content-Type").orElseThrow());
        assertFalse(response.headers().contains("Content-Encoding"));
        assertEquals("gzip bytes", Site.text(response));
    }

    @Test
    void sidecarLeadingOutOfTheRootIsIgnored() throws IOException {
        Files.delete(br);
        Files.delete(gz);
        Files.writeString(site.folder.resolve("outside.gz"), "outside");
        Files.createSymbolicLink(site.root.resolve("app.js.gz"), Path.of("../outside.gz"));
        assertEquals("identity bytes",
                Site.text(site.get("/app.js", "Accept-Encoding", "gzip")));
    }
}
