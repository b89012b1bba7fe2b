package io.httpd.core.http1;

import io.httpd.api.Headers;
import io.httpd.api.Response;
import io.httpd.api.Status;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A file region of at most {@link ResponseWriter#SMALL_FILE} bytes is read into the write
 * buffer and leaves with its head (one write, no sendfile); a larger one goes by sendfile.
 * Either way the client gets the head and exactly the region's bytes, over a real socket.
 */
class SmallFileTest {
    @AutoClose
    private final SocketPair pair = SocketPair.open();
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} bytes from {1}: sendfile sends {2}")
    @CsvSource(textBlock = """
            # length, offset, sent by sendfile
                     1,      0,     0
                  1024,      7,     0
                  8192,      0,     0
                  8193,      0,  8193
                 65536,    100, 65536
            """)
    void smallRegionsGoWithTheirHeadLargerOnesBySendfile(int length, int offset, long bySendfile)
            throws IOException {
        byte[] content = new byte[offset + length + 50];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 31);
        }
        Path file = Files.write(dir.resolve("f.bin"), content);
        WireWriter out = new WireWriter(pair.server().output(), 16 * 1024, new TrafficCounters());
        ResponseWriter writer = new ResponseWriter(out, pair.server(), "");
        writer.write(new Response(Status.OK, Headers.EMPTY,
                new Response.Body.FileRegion(file, offset, length)), false, 1, true);
        out.flush();

        assertEquals(bySendfile, pair.server().fileBytesSent());
        String head = readHead();
        assertTrue(head.startsWith("HTTP/1.1 200 OK\r\n"), head);
        assertTrue(head.contains("Content-Length: " + length + "\r\n"), head);
        assertArrayEquals(Arrays.copyOfRange(content, offset, offset + length),
                pair.client().getInputStream().readNBytes(length));
    }

    private String readHead() throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = pair.client().getInputStream().read();
            assertTrue(b >= 0, "the head ended early: " + head);
            head.append((char) b);
        }
        return head.toString();
    }
}
