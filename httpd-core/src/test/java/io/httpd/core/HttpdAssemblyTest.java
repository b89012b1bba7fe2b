package io.httpd.core;

import io.httpd.api.Method;
import io.httpd.api.ServerView;
import io.httpd.core.config.ConfigError;
import io.httpd.core.config.ConfigErrors;
import io.httpd.core.config.ConfigLoader;
import io.httpd.core.plugin.PluginRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** httpd.toml to running server: plugin ids, plugin config errors, lifecycle order. */
class HttpdAssemblyTest {
    @TempDir
    Path dir;
    private final TestPlugins plugins = new TestPlugins();

    private PluginRegistry registry() throws Exception {
        return plugins.assembly();
    }

    private static final String LISTEN = "[[listen]]\naddress = \"127.0.0.1:0\"\n\n";
    private static final String GREET_EVERY_PATH = "[[route]]\npath = \"/\"\nhandler = \"greet\"\n\n";

    /** The server from one listener on any port and these tables, not started. */
    private Httpd create(String routes) throws Exception {
        Path file = Files.writeString(dir.resolve("httpd.toml"), LISTEN + routes);
        return Httpd.create(ConfigLoader.load(file), registry());
    }

    private List<String> errors(String routes) throws Exception {
        return fileErrors(LISTEN + routes, System.getenv());
    }

    /** What creating the server from this whole httpd.toml reports, the file's path as FILE. */
    private List<String> fileErrors(String toml, Map<String, String> env) throws Exception {
        Path file = dir.resolve("httpd.toml");
        Files.writeString(file, toml);
        ConfigErrors e = assertThrows(ConfigErrors.class,
                () -> Httpd.create(ConfigLoader.read(file, env), registry()));
        return e.errors().stream().map(ConfigError::format)
                .map(s -> s.replace(file.toString(), "FILE")).toList();
    }

    @Test
    void everyPluginProblemIsReportedAtOnceWithItsLine() throws Exception {
        assertEquals(List.of(
                "FILE:6: route[0].handler: no route handler 'nope'; available: files, greet",
                "FILE:11: route[1].greting: unknown key; did you mean \"greeting\"?",
                "FILE:16: route[2].greeting: must not be empty",
                "FILE:20: route[3].handler: route handler 'greet' failed: "
                        + "java.lang.IllegalStateException: factory exploded",
                "FILE:23: validator[0].prefix: required"), errors("""
                [[route]]
                path = "/a"
                handler = "nope"

                [[route]]
                path = "/b"
                handler = "greet"
                greting = "typo"

                [[route]]
                path = "/c"
                handler = "greet"
                greeting = ""

                [[route]]
                path = "/d"
                handler = "greet"
                greeting = "boom"

                [[validator]]
                id = "deny"
                """));
    }

    /**
     * One run shows every error: the core's keys, handler ids, and in each plugin table every
     * bad value and unknown key, also beside a value the factory refused or a factory that
     * threw.
     */
    @Test
    void everyErrorOfEveryStageIsReportedInOneRun() throws Exception {
        assertEquals(List.of(
                "FILE:2: listen[0].address: port must be 0 to 65535, not \"99999\"",
                "FILE:5: limits.header_bytes: must be greater than 0",
                "FILE:9: route[0].handler: no route handler 'nope'; available: files, greet",
                "FILE:12: route[1].path: must start with \"/\"",
                "FILE:14: route[1].ttl: at most 1h",
                "FILE:15: route[1].colour: unknown key",
                "FILE:16: route[1].listing: expected true or false",
                "FILE:17: route[1].root: no such directory",
                "FILE:21: route[2].handler: route handler 'greet' failed: "
                        + "java.lang.IllegalStateException: factory exploded",
                "FILE:23: route[2].greting: unknown key; did you mean \"greeting\"?",
                "FILE:27: validator[0].prefix: expected a string",
                "FILE:28: validator[0].extra: unknown key"), fileErrors("""
                [[listen]]
                address = "127.0.0.1:99999"

                [limits]
                header_bytes = 0

                [[route]]
                path = "/a"
                handler = "nope"

                [[route]]
                path = "b"
                handler = "files"
                ttl = "2h"
                colour = "red"
                listing = "yes"
                root = "missing"

                [[route]]
                path = "/c"
                handler = "greet"
                greeting = "boom"
                greting = "typo"

                [[validator]]
                id = "deny"
                prefix = 1
                extra = true
                """, System.getenv()));
    }

    /**
     * A plugin's errors name its table as written, though an earlier table was left out, and
     * a value the core refused (an unset variable) is not refused again by the plugin.
     */
    @Test
    void pluginErrorsKeepTheirTablesKeyAndTheCoresErrorComesOnce() throws Exception {
        assertEquals(List.of(
                "FILE:4: route[0].handler: required",
                "FILE:10: route[1].root: environment variable WWW is not set",
                "FILE:11: route[1].colour: unknown key",
                "FILE:15: route[2].handler: no route handler 'nope'; available: files, greet"),
                fileErrors("""
                [[listen]]
                address = "127.0.0.1:0"

                [[route]]
                path = "/a"

                [[route]]
                path = "/b"
                handler = "files"
                root = "${WWW}"
                colour = 1

                [[route]]
                path = "/c"
                handler = "nope"
                """, Map.of()));
    }

    /** A listener's errors name that listener's own key and its line, not the first one's. */
    @Test
    void aListenerErrorPointsAtItsOwnKey() throws Exception {
        assertEquals(List.of("FILE:9: listen[2].tls: no [tls.other] table",
                "FILE:12: listen[3].address: port must be 0 to 65535, not \"99999\"",
                "FILE:16: tls.main.provider: no TLS provider 'pem'; available: (none)"), errors("""
                [[listen]]
                address = "127.0.0.1:0"

                [[listen]]
                address = "127.0.0.1:0"
                tls = "other"

                [[listen]]
                address = "127.0.0.1:99999"
                tls = "main"

                [tls.main]
                provider = "pem"
                """));
    }

    @Test
    void routeMethodsMayOnlyNarrowTheHandlers() throws Exception {
        assertEquals(List.of("FILE:7: route[0].methods: handler 'greet' does not answer [POST]"),
                errors("""
                [[route]]
                path = "/a"
                handler = "greet"
                methods = ["POST"]
                """));
    }

    @Test
    void instancesAreCreatedInFileOrderAndClosedInReverse() throws Exception {
        Httpd httpd = create("""
                [[route]]
                path = "/one"
                handler = "greet"
                greeting = "one"

                [[route]]
                path = "/two"
                handler = "greet"
                greeting = "two"
                """);
        httpd.start();
        try {
            assertEquals("one\n", get(httpd.addresses().getFirst(), "/one"));
            assertEquals(Set.of(Method.GET, Method.HEAD),
                    httpd.view().routes().getFirst().methods());
        } finally {
            assertEquals(0, httpd.stop(Duration.ofSeconds(5)));
        }
        assertEquals(List.of("create one", "create two", "close two", "close one"),
                List.copyOf(plugins.events));
    }

    @Test
    void theServerViewShowsNameRuntimeListenersAndRoutes() throws Exception {
        Httpd httpd = create("""
                [server]
                name = "edge"

                [[route]]
                path = "/one"
                handler = "greet"
                """);
        assertEquals("edge", httpd.view().name());
        assertEquals(Version.current(), httpd.view().version());
        assertEquals(Runtime.version() + " (" + System.getProperty("java.vendor") + ")",
                httpd.view().runtime());
        assertEquals(List.of(new ServerView.RouteInfo("/one", "greet",
                Set.of(Method.GET, Method.HEAD))), httpd.view().routes());
        assertEquals(List.of(), httpd.view().listeners());
        httpd.start();
        try {
            assertEquals(httpd.addresses(), httpd.view().listeners());
        } finally {
            httpd.stop(Duration.ofSeconds(5));
        }
    }

    @Test
    void aValidatorRejectionIsItsStatus() throws Exception {
        Httpd httpd = create(GREET_EVERY_PATH + """
                [[validator]]
                id = "deny"
                prefix = "/private"
                """);
        httpd.start();
        try {
            assertTrue(rawGet(httpd.addresses().getFirst(), "/private/x")
                    .startsWith("HTTP/1.1 403 Forbidden\r\n"));
            assertEquals("hello\n", get(httpd.addresses().getFirst(), "/public"));
            assertEquals(2, httpd.view().counters().requests());
        } finally {
            httpd.stop(Duration.ofSeconds(5));
        }
    }

    private static String get(InetSocketAddress address, String path) throws Exception {
        String response = rawGet(address, path);
        assertTrue(response.startsWith("HTTP/1.1 200 OK\r\n"), response);
        return response.substring(response.indexOf("\r\n\r\n") + 4);
    }

    private static String rawGet(InetSocketAddress address, String path) throws Exception {
        try (Socket s = new Socket(address.getAddress(), address.getPort())) {
            s.setSoTimeout(5000);
            s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: t\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    /** A misspelt id or key names the one meant: what the server has, what the plugin read. */
    @Test
    void aMisspeltIdOrKeySaysWhatWasMeant() throws Exception {
        assertEquals(List.of(
                "FILE:6: route[0].handler: no route handler 'gret'; did you mean 'greet'?; "
                        + "available: files, greet",
                "FILE:10: route[1].handler: no route handler 'static'; available: files, greet",
                "FILE:15: route[2].greetings: unknown key; did you mean \"greeting\"?",
                "FILE:18: validator[0].id: no request validator 'dney'; did you mean 'deny'?; "
                        + "available: deny"), errors("""
                [[route]]
                path = "/a"
                handler = "gret"

                [[route]]
                path = "/b"
                handler = "static"

                [[route]]
                path = "/c"
                handler = "greet"
                greetings = "hi"

                [[validator]]
                id = "dney"
                """));
    }

}
