package io.httpd.dist;

import io.httpd.testkit.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * nginx as a real reverse proxy in front of the image: {@code proxy_pass} with
 * X-Forwarded-For (http) and with {@code proxy_protocol on;} (stream). The client connects to
 * nginx from 127.0.0.2, nginx to httpd from 127.0.0.1; the access log's line starts with
 * 127.0.0.2, and a forged X-Forwarded-For from the client changes nothing. Skipped where nginx
 * or its stream module is missing (Debian: nginx-light, libnginx-mod-stream).
 */
class NginxProxyIT {
    private static final Path NGINX = Path.of("/usr/sbin/nginx");
    private static final Path STREAM = Path.of("/usr/lib/nginx/modules/ngx_stream_module.so");
    private static final InetAddress CLIENT = InetAddress.ofLiteral("127.0.0.2");

    @TempDir
    Path dir;
    private ImageProcess server;
    private Process nginx;
    private int viaHttp;
    private int viaStream;

    @BeforeEach
    void start() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(NGINX) && Files.exists(STREAM),
                "nginx with its stream module not installed (nginx-light, libnginx-mod-stream)");
        int plain = ImageProcess.freePort();
        int proxied = ImageProcess.freePort();
        viaHttp = ImageProcess.freePort();
        viaStream = ImageProcess.freePort();
        Path config = ImageProcess.writeConfig(dir, ImageProcess.behindProxy(plain, proxied) + """

                [[validator]]
                id = "access"
                deny = ["127.0.0.3"]
                [[access_log]]
                sink = "file"
                path = "access.log"
                format = "common"
                """);
        server = ImageProcess.serve(dir, config);
        nginx = startNginx(plain, proxied);
    }

    private Process startNginx(int plain, int proxied) throws Exception {
        Path conf = dir.resolve("nginx.conf");
        Files.writeString(conf, """
                load_module %s;
                worker_processes 1;
                pid %s/nginx.pid;
                error_log %s/nginx-error.log;
                events { worker_connections 64; }
                http {
                    access_log off;
                    server {
                        listen 127.0.0.1:%d;
                        location / {
                            proxy_pass http://127.0.0.1:%d;
                            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                        }
                    }
                }
                stream {
                    server {
                        listen 127.0.0.1:%d;
                        proxy_pass 127.0.0.1:%d;
                        proxy_protocol on;
                    }
                }
                """.formatted(STREAM, dir, dir, viaHttp, plain, viaStream, proxied));
        Process p = new ProcessBuilder(NGINX.toString(), "-p", dir.toString(), "-c",
                conf.toString(), "-g", "daemon off;").redirectErrorStream(true)
                .redirectOutput(dir.resolve("nginx.out").toFile()).start();
        Await.until(() -> !p.isAlive() || listening(viaHttp) && listening(viaStream),
                Duration.ofSeconds(10), "nginx listening");
        if (!p.isAlive()) {
            throw new AssertionError("nginx did not start: "
                    + Files.readString(dir.resolve("nginx.out")));
        }
        return p;
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (nginx != null) {
            nginx.destroy(); // SIGTERM: nginx's fast shutdown
            nginx.waitFor(10, TimeUnit.SECONDS);
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void throughXForwardedForTheLogShowsTheOriginalClient() throws Exception {
        String response = get(viaHttp, "X-Forwarded-For: 198.51.100.66\r\n");
        assertTrue(response.startsWith("HTTP/1.1 200 OK\r\n"), response);
        String line = logLine();
        assertTrue(line.startsWith("127.0.0.2 - - ["), "forged entry left of the client ignored: " + line);
        assertTrue(line.contains("\"GET /echo HTTP/1.0\" 200 "), line); // nginx proxies as 1.0
    }

    @Test
    void throughTheProxyProtocolTheLogShowsTheOriginalClient() throws Exception {
        String response = get(viaStream, "");
        assertTrue(response.startsWith("HTTP/1.1 200 OK\r\n"), response);
        String line = logLine();
        assertTrue(line.startsWith("127.0.0.2 - - ["), line);
        assertTrue(line.contains("\"GET /echo HTTP/1.1\" 200 "), line);
    }

    private static String get(int port, String extra) throws IOException {
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(CLIENT, 0));
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
            s.setSoTimeout(10_000);
            s.getOutputStream().write(("GET /echo HTTP/1.1\r\nHost: t\r\n" + extra
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private String logLine() throws Exception {
        Path log = dir.resolve("access.log");
        List<String> lines = Await.value(() -> Files.exists(log) ? Files.readAllLines(log)
                : List.<String>of(), l -> !l.isEmpty(), Duration.ofSeconds(10), "an access record");
        assertEquals(1, lines.size(), lines.toString());
        return lines.getFirst();
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
