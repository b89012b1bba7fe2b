package io.httpd.core;

import io.httpd.core.config.ConfigLoader;
import io.httpd.core.plugin.PluginRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.httpd.core.AdminClient.get;
import static io.httpd.core.AdminClient.statusLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A data port flooded by slow clients (each sending its request head a byte at a time, as
 * slowloris does), with and without reaching its connection cap, leaves the admin listener's
 * {@code /health} answering 200 promptly: it has its own socket, accept thread and cap.
 */
class AdminUnderFloodTest {
    private static final byte[] HEAD = "GET /never HTTP/1.1\r\nHost: t\r\nX-Slow: 1\r\n"
            .getBytes(StandardCharsets.US_ASCII);
    /** Generous for a loaded 2-core machine; a starved listener would not answer at all. */
    private static final long PROMPT_MILLIS = 3000;

    @TempDir
    Path dir;
    private final List<Socket> slow = new ArrayList<>();
    private Httpd httpd;

    @AfterEach
    void stop() throws Exception {
        for (Socket s : slow) {
            s.close();
        }
        if (httpd != null) {
            httpd.stop(Duration.ofSeconds(2));
        }
    }

    @ParameterizedTest(name = "[{index}] {0} slow clients, data port cap {1}")
    @CsvSource({"200, 10000", "60, 20"})
    void slowClientsOnTheDataPortLeaveHealthAnswering(int clients, int cap) throws Exception {
        Path file = Files.writeString(dir.resolve("httpd.toml"), """
                [[listen]]
                address = "127.0.0.1:0"

                [limits]
                connections = %d
                header_timeout = "30s"

                [admin]
                address = "127.0.0.1:0"
                """.formatted(cap));
        httpd = Httpd.create(ConfigLoader.load(file), PluginRegistry.of(List.of()));
        httpd.start();
        InetSocketAddress data = httpd.addresses().getFirst();
        for (int i = 0; i < clients; i++) {
            slow.add(new Socket(data.getAddress(), data.getPort()));
        }
        InetSocketAddress admin = httpd.adminAddresses().getFirst();
        for (int b = 0; b < HEAD.length; b++) { // one byte per client per round: never a whole head
            drip(b);
            long start = System.nanoTime();
            assertEquals("HTTP/1.1 200 OK", statusLine(get(admin, "/health")), "round " + b);
            long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(took < PROMPT_MILLIS, "/health took " + took + " ms in round " + b);
        }
        assertTrue(httpd.view().counters().connectionsOpen() >= Math.min(clients, cap) / 2,
                "the flood reached the server: " + httpd.view().counters());
    }

    private void drip(int index) throws IOException {
        for (Socket s : slow) {
            s.getOutputStream().write(HEAD[index]);
        }
    }
}
