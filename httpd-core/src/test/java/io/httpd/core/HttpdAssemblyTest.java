package io.httpd.core;

import io.httpd.api.Method;
import io.httpd.api.PluginConfig;
import io.httpd.api.RequestValidator;
import io.httpd.api.RequestValidatorProvider;
import io.httpd.api.Response;
import io.httpd.api.RouteHandler;
import io.httpd.api.RouteHandlerProvider;
import io.httpd.api.ServerView;
import io.httpd.api.Status;
import io.httpd.core.config.ConfigError;
import io.httpd.core.config.ConfigErrors;
import io.httpd.core.config.ConfigLoader;
import io.httpd.core.plugin.PluginKind;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** httpd.toml to running server: plugin ids, plugin config errors, lifecycle order. */
class HttpdAssemblyTest {
    @TempDir
    Path dir;
    private final List<String> events = new ArrayList<>();

    /** A route handler "greet" that reads one key, "greeting", and records its lifecycle. */
    private final class GreetProvider implements RouteHandlerProvider {
        @Override
        public String id() {
            return "greet";
        }

        @Override
        public RouteHandler create(PluginConfig config, ServerView server) {
            String greeting = config.string("greeting", "hello");
            if (greeting.isEmpty()) {
                throw config.error("greeting", "must not be empty");
            }
            if (greeting.equals("boom")) {
                throw new IllegalStateException("factory exploded");
            }
            events.add("create " + greeting);
            return new RouteHandler() {
                @Override
                public Response handle(io.httpd.api.Request request) {
                    return Response.text(Status.OK, greeting + "\n");
                }

                @Override
                public void close() {
                    events.add("close " + greeting);
                }
            };
        }
    }

    private final class DenyProvider implements RequestValidatorProvider {
        @Override
        public String id() {
            return "deny";
        }

        @Override
        public RequestValidator create(PluginConfig config, ServerView server) {
            String prefix = config.requireString("prefix");
            return r -> r.path().startsWith(prefix)
                    ? RequestValidator.Verdict.reject(Status.FORBIDDEN, "denied by prefix")
                    : RequestValidator.Verdict.ACCEPT;
        }
    }

    private PluginRegistry registry() throws Exception {
        List<PluginRegistry.Found> found = List.of(
                new PluginRegistry.Found(PluginKind.ROUTE, new GreetProvider(), "test"),
                new PluginRegistry.Found(PluginKind.VALIDATOR, new DenyProvider(), "test"));
        return PluginRegistry.of(found);
    }

    private Path config(String routes) throws Exception {
        Path file = dir.resolve("httpd.toml");
        Files.writeString(file, "[[listen]]\naddress = \"127.0.0.1:0\"\n\n" + routes);
        return file;
    }

    private List<String> errors(String routes) throws Exception {
        Path file = config(routes);
        ConfigErrors e = assertThrows(ConfigErrors.class,
                () -> Httpd.create(ConfigLoader.load(file), registry()));
        return e.errors().stream().map(ConfigError::format)
                .map(s -> s.replace(file.toString(), "FILE")).toList();
    }

    @Test
    void everyPluginProblemIsReportedAtOnceWithItsLine() throws Exception {
        assertEquals(List.of(
                "FILE:6: route[0].handler: no route handler 'nope'; available: greet",
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

    /** A misspelt id or key names the one meant: what the server has, what the plugin read. */
    @Test
    void aMisspeltIdOrKeySaysWhatWasMeant() throws Exception {
        assertEquals(List.of(
                "FILE:6: route[0].handler: no route handler 'gret'; did you mean 'greet'?; "
                        + "available: greet",
                "FILE:10: route[1].handler: no route handler 'static'; available: greet",
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
        Httpd httpd = Httpd.create(ConfigLoader.load(config("""
                [[route]]
                path = "/one"
                handler = "greet"
                greeting = "one"

                [[route]]
                path = "/two"
                handler = "greet"
                greeting = "two"
                """)), registry());
        httpd.start();
        try {
            assertEquals("one\n", get(httpd.addresses().getFirst(), "/one"));
            assertEquals(Set.of(Method.GET, Method.HEAD),
                    httpd.view().routes().getFirst().methods());
        } finally {
            assertEquals(0, httpd.stop(Duration.ofSeconds(5)));
        }
        assertEquals(List.of("create one", "create two", "close two", "close one"), events);
    }

    @Test
    void aValidatorRejectionIsItsStatus() throws Exception {
        Httpd httpd = Httpd.create(ConfigLoader.load(config("""
                [[route]]
                path = "/"
                handler = "greet"

                [[validator]]
                id = "deny"
                prefix = "/private"
                """)), registry());
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

}
