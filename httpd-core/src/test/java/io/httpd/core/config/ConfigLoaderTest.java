package io.httpd.core.config;

import io.httpd.api.AddressBlock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.httpd.api.Method;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A valid httpd.toml loads into the expected records; absent sections take their defaults. */
class ConfigLoaderTest {
    private static final String FULL = """
            [server]
            name = "httpd-test"
            plugins_dir = "../plugins"
            shutdown_grace = "5s"

            [[listen]]
            address = "0.0.0.0:8080"

            [[listen]]
            address = "[::1]:8443"
            tls = "main"

            [tls.main]
            provider = "pem"
            cert = "certs/server.crt"
            key = "certs/server.key"

            [limits]
            request_line_bytes = 4096
            header_bytes = "32KiB"
            header_count = 50
            body_bytes = "1MiB"
            connections = 500
            header_timeout = "5s"
            idle_timeout = "2m"
            body_timeout = "500ms"
            send_timeout = "20s"

            [[route]]
            path = "/echo"
            handler = "echo"

            [[route]]
            path = "/info"
            handler = "info"
            methods = ["GET"]
            body_bytes = "0"

            [[route]]
            path = "/"
            handler = "static"
            root = "../www"
            index = ["index.html"]

            [[validator]]
            id = "deny"
            paths = ["/admin"]

            [[access_log]]
            sink = "file"
            path = "../logs/access.log"
            format = "combined"

            [[access_log]]
            sink = "json"
            path = "${LOGS:-../logs}/access.jsonl"
            """;

    @TempDir
    Path dir;

    @Test
    void fullConfigLoadsIntoRecords() throws Exception {
        Path file = write("conf/httpd.toml", FULL);
        HttpdConfig config = ConfigLoader.load(file, Map.of());
        Path conf = dir.resolve("conf");

        assertEquals(file, config.file());
        assertEquals(new ServerSettings("httpd-test", dir.resolve("plugins"), Duration.ofSeconds(5), ""),
                config.server());
        assertEquals(List.of(new Listener("0.0.0.0", 8080, null), new Listener("::1", 8443, "main")),
                config.listeners());
        assertEquals(new Limits(4096, 32768, 50, 1 << 20, 500, Duration.ofSeconds(5),
                Duration.ofMinutes(2), Duration.ofMillis(500), Duration.ofSeconds(20),
                Duration.ofSeconds(10)), config.limits());

        PluginTable tls = config.tls().get("main");
        assertEquals(Set.of("main"), config.tls().keySet());
        assertEquals("pem", tls.id());
        assertEquals("tls.main", tls.config().path());
        assertEquals(Set.of("cert", "key"), tls.config().keys());
        assertEquals(conf.resolve("certs/server.crt"), tls.config().path("cert").orElseThrow());

        List<Route> routes = config.routes();
        assertEquals(List.of("/echo", "/info", "/"), routes.stream().map(Route::path).toList());
        assertEquals(List.of("echo", "info", "static"), routes.stream().map(Route::handler).toList());
        assertEquals(Set.of(), routes.get(0).methods());
        assertEquals(-1, routes.get(0).bodyBytes());
        assertEquals(List.of(Method.GET, Method.HEAD), List.copyOf(routes.get(1).methods()));
        assertEquals(0, routes.get(1).bodyBytes());
        assertEquals(Set.of(), routes.get(1).config().keys());
        TableConfig staticConfig = routes.get(2).config();
        assertEquals("route[2]", staticConfig.path());
        assertEquals(Set.of("root", "index"), staticConfig.keys());
        assertEquals(dir.resolve("www"), staticConfig.path("root").orElseThrow());
        assertEquals(List.of("index.html"), staticConfig.strings("index", List.of()));

        assertEquals(1, config.validators().size());
        assertEquals("deny", config.validators().get(0).id());
        assertEquals("validator[0]", config.validators().get(0).config().path());
        assertEquals(List.of("/admin"), config.validators().get(0).config().strings("paths", null));

        assertEquals(List.of("file", "json"),
                config.accessLogs().stream().map(PluginTable::id).toList());
        assertEquals("access_log[1]", config.accessLogs().get(1).config().path());
        assertEquals(dir.resolve("logs/access.jsonl"),
                config.accessLogs().get(1).config().path("path").orElseThrow());
        assertEquals(14, config.source().lineOf("tls.main.provider"));
    }

    @Test
    void absentSectionsTakeDefaults() throws Exception {
        Path file = write("httpd.toml", """
                [[listen]]
                address = "localhost:0"
                """);
        HttpdConfig config = ConfigLoader.load(file, Map.of());

        assertEquals(ServerSettings.defaults(dir), config.server());
        assertEquals(new ServerSettings("httpd", dir.resolve("plugins"), Duration.ofSeconds(10), ""),
                config.server());
        assertEquals(Limits.defaults(), config.limits());
        assertEquals(new Limits(8192, 16384, 100, 10L * 1024 * 1024, 10_000,
                Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(30),
                Duration.ofSeconds(60), Duration.ofSeconds(10)), config.limits());
        assertEquals(List.of(new Listener("localhost", 0, null)), config.listeners());
        assertTrue(config.routes().isEmpty());
        assertTrue(config.tls().isEmpty());
        assertTrue(config.validators().isEmpty());
        assertTrue(config.accessLogs().isEmpty());
    }

    @Test
    void environmentReplacesReferencesAndDefaultsApplyWhenUnset() throws Exception {
        Path file = write("httpd.toml", """
                [server]
                name = "${NAME}/${VERSION:-1.0}"
                [[listen]]
                address = "${HOST:-127.0.0.1}:${PORT}"
                [limits]
                body_bytes = "${BODY:-2KiB}"
                """);
        HttpdConfig config = ConfigLoader.load(file, Map.of("NAME", "edge", "PORT", "9000",
                "BODY", ""));

        assertEquals("edge/1.0", config.server().name());
        assertEquals(List.of(new Listener("127.0.0.1", 9000, null)), config.listeners());
        assertEquals(2048, config.limits().bodyBytes());
    }

    @Test
    void emptyServerNameIsAllowed() throws Exception {
        Path file = write("httpd.toml", """
                [server]
                name = ""
                [[listen]]
                address = "0.0.0.0:80"
                """);
        assertEquals("", ConfigLoader.load(file, Map.of()).server().name());
    }

    @Test
    void proxyKeysLoad() throws Exception {
        Path file = write("httpd.toml", """
                [server]
                trusted_proxies = ["127.0.0.1/32", "10.0.0.0/8", "::1"]
                forwarded_header = "forwarded"
                [[listen]]
                address = "127.0.0.1:8081"
                proxy_protocol = true
                [[listen]]
                address = "127.0.0.1:8080"
                """);
        HttpdConfig config = ConfigLoader.load(file, Map.of());
        assertEquals(List.of(AddressBlock.parse("127.0.0.1/32"), AddressBlock.parse("10.0.0.0/8"),
                AddressBlock.parse("::1/128")), config.server().trustedProxies());
        assertEquals("Forwarded", config.server().forwardedHeader());
        assertEquals(List.of(new Listener("127.0.0.1", 8081, null, true),
                new Listener("127.0.0.1", 8080, null, false)), config.listeners());
        assertEquals(List.of(), ConfigLoader.load(write("b.toml", "[[listen]]\naddress = \"a:1\"\n"),
                Map.of()).server().trustedProxies(), "no proxy trusted by default");
    }

    @Test
    void httpsKeysLoad() throws Exception {
        Path file = write("httpd.toml", """
                [[listen]]
                address = "127.0.0.1:8080"
                redirect_https = 8443
                [[listen]]
                address = "127.0.0.1:8443"
                tls = "main"
                hsts = " max-age=31536000; includeSubDomains "
                [tls.main]
                provider = "pem"
                """);
        assertEquals(List.of(new Listener("127.0.0.1", 8080, null, false, false, 8443, ""),
                new Listener("127.0.0.1", 8443, "main", false, false, 0,
                        "max-age=31536000; includeSubDomains")),
                ConfigLoader.load(file, Map.of()).listeners());
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }
}
