package io.httpd.plugin.staticfiles;

import io.httpd.testkit.EmbeddedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A file sent from disk (larger than {@code memory_file_bytes}) that is removed or cut short
 * after its metadata was cached (here for an hour): the head must describe what is on disk now,
 * so a removed file is a 404 (RFC 9110 §15.5.5), not a 200 whose promised content never comes,
 * and a shortened file is served at its new length (a Content-Length the file can no longer
 * fill would end in a cut connection, RFC 9112 §6.3). Real files, the real server, a socket.
 */
class FileGoneTest {
    private static final int SIZE = 100 * 1024;

    @TempDir
    Path root;
    private Path file;
    private EmbeddedServer server;

    @BeforeEach
    void start() throws IOException {
        byte[] content = new byte[SIZE];
        Arrays.fill(content, (byte) 'a');
        file = Files.write(root.resolve("big.txt"), content);
        server = EmbeddedServer.builder().provider(new StaticProvider()).toml("""
                [[route]]
                path = "/"
                handler = "static"
                root = '%s'
                metadata_ttl = "1h"
                """.formatted(root)).start();
        String first = server.exchange(request("GET"));
        assertTrue(first.startsWith("HTTP/1.1 200 OK\r\n") && first.endsWith("a".repeat(100)), head(first));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0} of a removed file: 404")
    @ValueSource(strings = {"GET", "HEAD"})
    void aFileRemovedAfterItsMetadataWasCachedIs404(String method) throws IOException {
        Files.delete(file);
        String response = server.exchange(request(method));
        assertTrue(response.startsWith("HTTP/1.1 404 Not Found\r\n"), head(response));
        assertEquals("404 Not Found\n".length(), contentLength(response));
    }

    @ParameterizedTest(name = "{0} of a shortened file: its new length")
    @ValueSource(strings = {"GET", "HEAD"})
    void aFileCutShortAfterItsMetadataWasCachedIsServedAtItsNewLength(String method) throws IOException {
        Files.write(file, "b".repeat(SIZE / 2).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        String response = server.exchange(request(method));
        assertTrue(response.startsWith("HTTP/1.1 200 OK\r\n"), head(response));
        assertEquals(SIZE / 2, contentLength(response));
        String content = response.substring(response.indexOf("\r\n\r\n") + 4);
        assertEquals(method.equals("GET") ? "b".repeat(SIZE / 2) : "", content);
    }

    private static String request(String method) {
        return method + " /big.txt HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n";
    }

    private static long contentLength(String response) {
        return response.lines().takeWhile(l -> !l.isEmpty())
                .filter(l -> l.regionMatches(true, 0, "Content-Length: ", 0, 16))
                .mapToLong(l -> Long.parseLong(l.substring(16))).findFirst().orElse(-1);
    }

    private static String head(String response) {
        int end = response.indexOf("\r\n\r\n");
        return end < 0 ? "no whole head: " + response.length() + " bytes: " + response.substring(0, Math.min(200, response.length()))
                : response.substring(0, end);
    }
}
