package io.httpd.dist;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The static plugin in the real image, over real sockets (sendfile on a plain connection). */
class StaticSiteIT {
    @TempDir
    Path dir;
    private Path site;
    private byte[] data;
    @RegisterExtension
    final ServedImage image = new ServedImage();
    private int port;

    @BeforeEach
    void start() throws Exception {
        site = Files.createDirectories(dir.resolve("site"));
        Files.writeString(site.resolve("index.html"), "<!doctype html><title>t</title>home\n");
        data = new byte[65536];
        new Random(7).nextBytes(data);
        Files.write(site.resolve("data.bin"), data);
        Files.writeString(dir.resolve("secret.txt"), "outside the root");
        Files.createSymbolicLink(site.resolve("out.txt"), dir.resolve("secret.txt"));
        Files.writeString(site.resolve(".env"), "KEY=1");
        Files.createDirectories(site.resolve("docs"));
        Files.writeString(site.resolve("app.js"), "console.log('identity');\n");
        Files.write(site.resolve("app.js.gz"), gzip("console.log('identity');\n"));
        Files.setLastModifiedTime(site.resolve("app.js"), FileTime.from(Instant.now().minusSeconds(60)));
        String config = ImageProcess.ANY_PORT + """

                [[route]]
                path = "/"
                handler = "static"
                root = "site"
                metadata_ttl = "0s"
                """;
        port = image.serve(dir, config).port();
    }

    @Test
    void theIndexOfTheRoot() throws Exception {
        RawHttp r = RawHttp.get(port, "/");
        assertEquals(200, r.status(), r.head());
        assertEquals("text/html; charset=utf-8", r.field("Content-Type").orElseThrow());
        assertEquals("<!doctype html><title>t</title>home\n", r.text());
        assertTrue(r.field("ETag").orElseThrow().startsWith("\""), r.head());
        assertTrue(r.field("Last-Modified").isPresent(), r.head());
    }

    @Test
    void aFileComesWhole() throws Exception {
        RawHttp r = RawHttp.get(port, "/data.bin");
        assertEquals(200, r.status(), r.head());
        assertEquals("65536", r.field("Content-Length").orElseThrow());
        assertArrayEquals(data, r.body());
    }

    /** RFC 9110 §13.1.2: If-None-Match with the current ETag → 304 without content. */
    @Test
    void aCurrentETagIsNotModified() throws Exception {
        String etag = RawHttp.get(port, "/data.bin").field("ETag").orElseThrow();
        RawHttp r = RawHttp.get(port, "/data.bin", "If-None-Match: " + etag);
        assertEquals(304, r.status(), r.head());
        assertEquals(0, r.body().length);
    }

    /** RFC 9110 §14: one range → 206 with Content-Range; none satisfiable → 416. */
    @Test
    void ranges() throws Exception {
        RawHttp r = RawHttp.get(port, "/data.bin", "Range: bytes=10-19");
        assertEquals(206, r.status(), r.head());
        assertEquals("bytes 10-19/65536", r.field("Content-Range").orElseThrow());
        assertArrayEquals(Arrays.copyOfRange(data, 10, 20), r.body());
        RawHttp none = RawHttp.get(port, "/data.bin", "Range: bytes=70000-");
        assertEquals(416, none.status(), none.head());
        assertEquals("bytes */65536", none.field("Content-Range").orElseThrow());
    }

    @Test
    void theRootHolds() throws Exception {
        assertEquals(400, RawHttp.get(port, "/../secret.txt").status()); // the core's wall
        assertEquals(400, RawHttp.get(port, "/%2e%2e/secret.txt").status());
        assertEquals(404, RawHttp.get(port, "/out.txt").status()); // a symlink leading out
        assertEquals(404, RawHttp.get(port, "/.env").status()); // dotfiles hidden
        assertEquals(404, RawHttp.get(port, "/%5c..%5csecret.txt").status()); // backslashes
    }

    @Test
    void aDirectoryWithoutItsSlashIsRedirected() throws Exception {
        RawHttp r = RawHttp.get(port, "/docs?x=1");
        assertEquals(301, r.status(), r.head());
        assertEquals("/docs/?x=1", r.field("Location").orElseThrow());
    }

    @Test
    void aPrecompressedSidecarForClientsThatAcceptIt() throws Exception {
        RawHttp gz = RawHttp.get(port, "/app.js", "Accept-Encoding: gzip");
        assertEquals("gzip", gz.field("Content-Encoding").orElseThrow(), gz.head());
        assertEquals("Accept-Encoding", gz.field("Vary").orElseThrow());
        assertArrayEquals(Files.readAllBytes(site.resolve("app.js.gz")), gz.body());
        RawHttp plain = RawHttp.get(port, "/app.js");
        assertTrue(plain.field("Content-Encoding").isEmpty(), plain.head());
        assertEquals("console.log('identity');\n", plain.text());
    }

    @Test
    void aChangedFileIsNeverServedStale() throws Exception {
        RawHttp before = RawHttp.get(port, "/index.html");
        Files.writeString(site.resolve("index.html"), "changed\n");
        RawHttp after = RawHttp.get(port, "/index.html");
        assertEquals("changed\n", after.text());
        assertNotEquals(before.field("ETag"), after.field("ETag"));
    }

    private static byte[] gzip(String text) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
