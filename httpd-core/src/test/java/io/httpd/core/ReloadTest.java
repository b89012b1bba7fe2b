package io.httpd.core;

import io.httpd.core.admin.ReloadResult;
import io.httpd.core.config.ConfigLoader;
import io.httpd.core.http1.Await;
import io.httpd.core.http1.RawClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A reload is a new generation: httpd.toml read again, swapped in whole only when everything in
 * it worked; keep-alive connections stay open across it, an exchange finishes on the generation
 * it started on, and the old generation's instances close after its last exchange.
 */
class ReloadTest {
    @TempDir
    Path dir;
    private final TestPlugins plugins = new TestPlugins();
    private Httpd httpd;
    private Path file;

    private static final String LISTEN = "[[listen]]\naddress = \"127.0.0.1:0\"\n";

    private static String greet(String path, String greeting) {
        return "[[route]]\npath = \"" + path + "\"\nhandler = \"greet\"\ngreeting = \""
                + greeting + "\"\n";
    }

    private Httpd start(String config) throws Exception {
        file = dir.resolve("httpd.toml");
        Files.writeString(file, config);
        httpd = Httpd.create(ConfigLoader.read(file), plugins.registry());
        httpd.start();
        return httpd;
    }

    private ReloadResult reload(String config) throws Exception {
        Files.writeString(file, config);
        return httpd.reload();
    }

    private InetSocketAddress address() {
        return httpd.addresses().getFirst();
    }

    static String get(RawClient c, String path) throws Exception {
        String r = c.send("GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
        return r.substring(0, r.indexOf("\r\n")) + " " + r.substring(r.indexOf("\r\n\r\n") + 4);
    }

    @AfterEach
    void stop() throws Exception {
        plugins.release.countDown();
        if (httpd != null) {
            httpd.stop(Duration.ofSeconds(5));
        }
    }

    @Test
    void theNextRequestOnTheSameKeepAliveConnectionSeesTheNewRoutes() throws Exception {
        start(LISTEN + greet("/a", "A"));
        try (RawClient c = new RawClient(address())) {
            assertEquals("HTTP/1.1 200 OK A\n", get(c, "/a"));
            ReloadResult r = reload(LISTEN + greet("/b", "B"));
            assertTrue(r.swapped(), r.text());
            assertEquals(2, r.generation());
            assertTrue(r.changes().contains("routes added: /b"), r.text());
            assertTrue(r.changes().contains("routes removed: /a"), r.text());
            assertEquals("HTTP/1.1 404 Not Found", get(c, "/a").substring(0, 22));
            assertEquals("HTTP/1.1 200 OK B\n", get(c, "/b"));
        }
        assertEquals("/b", httpd.view().routes().getFirst().path());
    }

    /** The old instance serves the exchange that started on it, and closes only after it. */
    @Test
    void anExchangeFinishesOnItsGenerationAndItsInstanceClosesAfterIt() throws Exception {
        start(LISTEN + greet("/hold", "old") + "hold = true\n");
        try (RawClient c = new RawClient(address())) {
            c.send("GET /hold HTTP/1.1\r\nHost: x\r\n\r\n");
            assertTrue(plugins.held.await(5, TimeUnit.SECONDS));
            assertTrue(reload(LISTEN + greet("/hold", "new")).swapped());
            assertFalse(plugins.events.contains("close old"), "closed while in use");
            plugins.release.countDown();
            String first = c.readResponse();
            assertTrue(first.endsWith("\r\n\r\nold\n"), first);
            assertEquals("HTTP/1.1 200 OK new\n", get(c, "/hold"));
        }
        awaitEvent("close old");
        assertEquals(List.of("create old", "create new", "close old"),
                List.copyOf(plugins.events));
    }

    /** An unchanged table keeps its instance (reload() runs on it); a changed one is new. */
    @Test
    void anUnchangedInstanceCarriesOverAndReloads() throws Exception {
        start(LISTEN + greet("/same", "same") + greet("/changed", "one"));
        ReloadResult r = reload(LISTEN + greet("/same", "same") + greet("/changed", "two"));
        assertTrue(r.changes().contains("routes changed: /changed"), r.text());
        assertTrue(r.changes().contains("instances: 1 created, 1 carried over"), r.text());
        awaitEvent("close one");
        assertEquals(List.of("create same", "create one", "create two"),
                List.copyOf(plugins.events).subList(0, 3));
        assertEquals(java.util.Set.of("reload same", "close one"), // the close runs apart
                java.util.Set.copyOf(List.copyOf(plugins.events).subList(3, 5)));
    }

    /** Whatever fails, the old generation serves on untouched and every error is named. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            syntax error    | 'path = \"/b\n'              | 'httpd.toml:8: invalid TOML'
            unknown handler | 'path = \"/b\"\nhandler = \"gret\"\n' | 'httpd.toml:9: route[1].handler: no route handler ''gret'''
            factory throws  | 'path = \"/b\"\nhandler = \"greet\"\ngreeting = \"boom\"\n' | 'route[1].handler: route handler ''greet'' failed: java.lang.IllegalStateException: factory exploded'
            """)
    void aBrokenConfigChangesNothing(String what, String route, String error) throws Exception {
        start(LISTEN + greet("/a", "A"));
        try (RawClient c = new RawClient(address())) {
            assertEquals("HTTP/1.1 200 OK A\n", get(c, "/a"));
            ReloadResult r = reload(LISTEN + greet("/a", "A") + "[[route]]\n"
                    + route.replace("\\n", "\n"));
            assertFalse(r.swapped(), r.text());
            assertEquals(1, r.generation());
            assertTrue(r.problems().stream().anyMatch(p -> p.contains(error)), r.text());
            assertEquals("HTTP/1.1 200 OK A\n", get(c, "/a"));
        }
        assertEquals(List.of("create A", "reload A"), List.copyOf(plugins.events));
    }

    @Test
    void aListenerThatCannotBeBoundFailsTheReload() throws Exception {
        start(LISTEN + greet("/a", "A"));
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            ReloadResult r = reload(LISTEN + "[[listen]]\naddress = \"127.0.0.1:"
                    + taken.getLocalPort() + "\"\n" + greet("/b", "B"));
            assertFalse(r.swapped(), r.text());
            assertTrue(r.problems().getFirst().contains("cannot listen on 127.0.0.1:"
                    + taken.getLocalPort()), r.text());
        }
        try (RawClient c = new RawClient(address())) {
            assertEquals("HTTP/1.1 200 OK A\n", get(c, "/a"));
        }
        assertEquals(List.of("create A", "create B", "close B", "reload A"),
                List.copyOf(plugins.events));
    }

    /**
     * A listener added by a reload is bound; removed by the next, it stops accepting, and its
     * open connection finishes its exchange before it closes, as on a graceful stop.
     */
    @Test
    void aListenerIsAddedAndRemoved() throws Exception {
        start(LISTEN + greet("/hold", "A") + "hold = true\n");
        int port = freePort();
        String second = "[[listen]]\naddress = \"127.0.0.1:" + port + "\"\n";
        ReloadResult added = reload(LISTEN + second + greet("/hold", "A") + "hold = true\n");
        assertTrue(added.changes().contains("listeners added: 127.0.0.1:" + port), added.text());
        InetSocketAddress extra = new InetSocketAddress("127.0.0.1", port);
        try (RawClient c = new RawClient(extra)) {
            c.send("GET /hold HTTP/1.1\r\nHost: x\r\n\r\n");
            assertTrue(plugins.held.await(5, TimeUnit.SECONDS));
            ReloadResult removed = reload(LISTEN + greet("/hold", "A") + "hold = true\n");
            assertTrue(removed.changes().contains("listeners removed: 127.0.0.1:" + port),
                    removed.text());
            assertTrue(refused(extra), "still accepting");
            plugins.release.countDown();
            assertTrue(c.readResponse().endsWith("\r\n\r\nA\n"));
            assertTrue(c.serverClosed(), "kept open after its listener was removed");
        }
        try (RawClient c = new RawClient(address())) {
            assertEquals("HTTP/1.1 200 OK A\n", get(c, "/hold"));
        }
        assertEquals(List.of(address()), httpd.addresses());
    }

    /**
     * Two listeners configured with the same address (port 0) stay apart across a reload: the
     * PROXY-protocol one still expects its header, the plain one does not.
     */
    @Test
    void listenersWithTheSameAddressKeepTheirOwnSettings() throws Exception {
        String config = LISTEN + "[[listen]]\naddress = \"127.0.0.1:0\"\nproxy_protocol = true\n"
                + greet("/a", "A");
        start(config);
        assertTrue(reload(config).swapped());
        try (RawClient c = new RawClient(httpd.addresses().get(0))) {
            assertEquals("HTTP/1.1 200 OK A\n", get(c, "/a"));
        }
        try (RawClient c = new RawClient(httpd.addresses().get(1))) {
            String answer;
            try {
                answer = get(c, "/a");
            } catch (java.io.IOException e) {
                answer = "closed";
            }
            assertFalse(answer.startsWith("HTTP/1.1 200"), "no PROXY header, yet: " + answer);
        }
    }

    /**
     * A response streamed across three reloads arrives whole (the client stops reading
     * midway, so the server is blocked in the write while the reloads run); the next request on
     * the connection is served by the newest generation.
     */
    @Test
    void aLongStreamedResponseSpansReloads() throws Exception {
        long size = 64L * 1024 * 1024;
        String stream = "[[route]]\npath = \"/big\"\nhandler = \"stream\"\nbytes = " + size + "\n";
        start(LISTEN + stream + greet("/a", "A"));
        try (RawClient c = new RawClient(address())) {
            String head = c.send("GET /big HTTP/1.1\r\nHost: x\r\n\r\n").readHead();
            assertTrue(head.contains("\r\nContent-Length: " + size + "\r\n"), head);
            long offset = check(c, 0, 1024 * 1024);
            for (int i = 1; i <= 3; i++) {
                assertTrue(reload(LISTEN + stream + greet("/a", "A" + i)).swapped());
                offset = check(c, offset, 1024 * 1024);
            }
            assertEquals(size, check(c, offset, size - offset));
            assertEquals("HTTP/1.1 200 OK A3\n", get(c, "/a"));
        }
    }

    /** Reads {@code count} content bytes from {@code offset}, checking each; the new offset. */
    private static long check(RawClient c, long offset, long count) throws Exception {
        long end = offset + count;
        while (offset < end) {
            int n = (int) Math.min(64 * 1024 - offset % (64 * 1024), end - offset);
            String part = c.read(n);
            char expected = (char) ('a' + (offset / (64 * 1024)) % 26);
            for (int i = 0; i < n; i++) {
                if (part.charAt(i) != expected) {
                    throw new AssertionError("byte " + (offset + i) + ": " + part.charAt(i));
                }
            }
            offset += n;
        }
        return offset;
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /**
     * Whether connecting is refused, within 2 s: a socket closed while its accept thread is
     * blocked in accept(2) stays listening until the JDK's signal gets that thread out.
     */
    private static boolean refused(InetSocketAddress address) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            try (java.net.Socket s = new java.net.Socket()) {
                s.connect(address, 2000);
            } catch (java.io.IOException e) {
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }

    private void awaitEvent(String event) throws InterruptedException {
        Await.until(() -> plugins.events.contains(event), Duration.ofSeconds(5),
                () -> "no " + event + ": " + plugins.events);
    }
}
