package io.httpd.core;

import io.httpd.api.Response;
import io.httpd.api.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.httpd.core.AdminClient.get;
import static io.httpd.core.AdminClient.statusLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code [[listen]] reuse_port = true}: two servers bind the same address (SO_REUSEPORT) and
 * both serve it; without it the second fails with the usual bind error.
 */
class ReusePortTest {
    @TempDir
    Path dir;
    private final List<Httpd> started = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (Httpd h : started) {
            h.stop(Duration.ofSeconds(2));
        }
    }

    @Test
    void twoServersShareAPortWithReusePort() throws Exception {
        Httpd first = start("127.0.0.1:0", "reuse_port = true\n");
        InetSocketAddress shared = first.addresses().getFirst();
        Httpd second = start("127.0.0.1:" + shared.getPort(), "reuse_port = true\n");
        assertEquals(shared, second.addresses().getFirst());
        assertEquals("HTTP/1.1 200 OK", statusLine(get(shared, "/hello")));
        first.stop(Duration.ofSeconds(2));
        started.remove(first);
        for (int i = 0; i < 5; i++) { // the kernel sends every new connection to the one left
            assertEquals("HTTP/1.1 200 OK", statusLine(get(shared, "/hello")));
        }
    }

    @Test
    void withoutReusePortTheSecondBindFails() throws Exception {
        Httpd first = start("127.0.0.1:0", "");
        int port = first.addresses().getFirst().getPort();
        BindException e = assertThrows(BindException.class, () -> start("127.0.0.1:" + port, ""));
        assertTrue(e.getMessage().startsWith("cannot listen on 127.0.0.1:" + port + ": "),
                e.getMessage());
        assertTrue(e.getMessage().contains("in use"), e.getMessage());
    }

    private Httpd start(String address, String extra) throws Exception {
        Path file = Files.createTempFile(dir, "httpd", ".toml");
        Files.writeString(file, """
                [[listen]]
                address = "%s"
                %s
                [[route]]
                path = "/hello"
                handler = "hello"
                """.formatted(address, extra));
        Httpd httpd = AdminClient.start(file,
                AdminClient.route("hello", r -> Response.text(Status.OK, "hello\n")));
        started.add(httpd);
        return httpd;
    }
}
