package io.httpd.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each kind of mistake in httpd.toml gives its exact message, with the line of the key. */
class ConfigErrorTest {
    private static final String LISTEN = "[[listen]]\naddress = \"0.0.0.0:8080\"\n";
    private static final String TLS_LISTEN = "[tls.main]\nprovider = \"pem\"\n[[listen]]\n"
            + "address = \"0.0.0.0:8443\"\ntls = \"main\"\n";

    @TempDir
    Path dir;

    /** (what, file text, expected line with FILE for the file). */
    static Stream<Arguments> oneError() {
        return Stream.of(
                Arguments.of("unknown key", LISTEN + "[server]\nnmae = \"x\"\n",
                        "FILE:4: server.nmae: unknown key; did you mean \"name\"?"),
                Arguments.of("unknown top-level key", "port = 80\n" + LISTEN,
                        "FILE:1: port: unknown key"),
                Arguments.of("public admin address without a token",
                        LISTEN + "[admin]\naddress = \"0.0.0.0:9090\"\n",
                        "FILE:3: admin.token: required when admin.address is not a loopback "
                                + "address (a bearer token of at least 16 characters)"),
                Arguments.of("admin token too short (and never echoed)",
                        LISTEN + "[admin]\naddress = \"10.0.0.1:9090\"\ntoken = \"s3cr3t\"\n",
                        "FILE:5: admin.token: must be at least 16 printable ASCII characters "
                                + "without spaces"),
                Arguments.of("admin connections out of range",
                        LISTEN + "[admin]\naddress = \"127.0.0.1:9090\"\nconnections = 0\n",
                        "FILE:5: admin.connections: must be 1 to 1024"),
                Arguments.of("admin without address", LISTEN + "[admin]\nconnections = 4\n",
                        "FILE:3: admin.address: required"),
                Arguments.of("wrong type", LISTEN + "[limits]\nheader_count = \"100\"\n",
                        "FILE:4: limits.header_count: expected a whole number"),
                Arguments.of("wrong type of section", "server = 1\n" + LISTEN,
                        "FILE:1: server: expected a table"),
                Arguments.of("array of tables written as a table",
                        "[listen]\naddress = \"0.0.0.0:80\"\n",
                        "FILE:1: listen: expected an array of tables, written [[listen]]"),
                Arguments.of("bad size", LISTEN + "[limits]\nbody_bytes = \"10XB\"\n",
                        "FILE:4: limits.body_bytes: unknown unit \"XB\" in \"10XB\" "
                                + "(use B, KiB, MiB, GiB, TiB, KB, MB, GB or TB)"),
                Arguments.of("size of wrong type", LISTEN + "[limits]\nbody_bytes = 1.5\n",
                        "FILE:4: limits.body_bytes: expected a size such as 16384 or \"16KiB\""),
                Arguments.of("zero limit", LISTEN + "[limits]\nheader_bytes = 0\n",
                        "FILE:4: limits.header_bytes: must be greater than 0"),
                Arguments.of("limit past int", LISTEN + "[limits]\nheader_bytes = \"4GiB\"\n",
                        "FILE:4: limits.header_bytes: too large (at most 2147483647)"),
                Arguments.of("zero send timeout", LISTEN + "[limits]\nsend_timeout = \"0s\"\n",
                        "FILE:4: limits.send_timeout: must be greater than 0"),
                Arguments.of("bad duration", LISTEN + "[limits]\nidle_timeout = \"60\"\n",
                        "FILE:4: limits.idle_timeout: missing unit in \"60\" (use ms, s, m, h or d)"),
                Arguments.of("duration as number", LISTEN + "[server]\nshutdown_grace = 10\n",
                        "FILE:4: server.shutdown_grace: expected a duration such as \"10s\""),
                Arguments.of("bad address", "[[listen]]\naddress = \"8080\"\n",
                        "FILE:2: listen[0].address: expected host:port such as \"0.0.0.0:8080\" "
                                + "or \"[::1]:8080\", not \"8080\""),
                Arguments.of("bad port", LISTEN + "[[listen]]\naddress = \"localhost:70000\"\n",
                        "FILE:4: listen[1].address: port must be 0 to 65535, not \"70000\""),
                Arguments.of("IPv6 without brackets", "[[listen]]\naddress = \"::1:8080\"\n",
                        "FILE:2: listen[0].address: write an IPv6 address in brackets, "
                                + "such as \"[::1]:8080\""),
                Arguments.of("bad trusted proxy", LISTEN + "[server]\ntrusted_proxies = [\"10.0.0.1/8\"]\n",
                        "FILE:4: server.trusted_proxies: bits set after the prefix: \"10.0.0.1/8\" "
                                + "(the block starts at 10.0.0.0/8)"),
                Arguments.of("trusted proxy by name", LISTEN + "[server]\ntrusted_proxies = \"lb.local\"\n",
                        "FILE:4: server.trusted_proxies: not an IP address: \"lb.local\""),
                Arguments.of("unknown forwarded header", LISTEN + "[server]\nforwarded_header = \"X-Real-IP\"\n",
                        "FILE:4: server.forwarded_header: must be \"X-Forwarded-For\" or "
                                + "\"Forwarded\", not \"X-Real-IP\""),
                Arguments.of("proxy_protocol not a boolean", LISTEN + "proxy_protocol = \"yes\"\n",
                        "FILE:3: listen[0].proxy_protocol: expected true or false"),
                Arguments.of("reuse_port not a boolean", LISTEN + "reuse_port = 1\n",
                        "FILE:3: listen[0].reuse_port: expected true or false"),
                Arguments.of("redirect_https on a TLS listener", TLS_LISTEN + "redirect_https = 443\n",
                        "FILE:6: listen[0].redirect_https: only for a plain listener: this one "
                                + "already speaks TLS (tls = \"main\")"),
                Arguments.of("redirect_https out of range", LISTEN + "redirect_https = 70000\n",
                        "FILE:3: listen[0].redirect_https: must be the https port, 1 to 65535, "
                                + "not 70000"),
                Arguments.of("hsts on a plain listener", LISTEN + "hsts = \"max-age=60\"\n",
                        "FILE:3: listen[0].hsts: only for a TLS listener: "
                                + "Strict-Transport-Security must not be sent over plain HTTP "
                                + "(RFC 6797 §7.2)"),
                Arguments.of("hsts without max-age", TLS_LISTEN + "hsts = \"includeSubDomains\"\n",
                        "FILE:6: listen[0].hsts: max-age is required, such as \"max-age=31536000; "
                                + "includeSubDomains\" (RFC 6797 §6.1)"),
                Arguments.of("hsts max-age not a number", TLS_LISTEN + "hsts = \"max-age=1y\"\n",
                        "FILE:6: listen[0].hsts: max-age needs a number of seconds, such as "
                                + "\"max-age=31536000; includeSubDomains\" (RFC 6797 §6.1)"),
                Arguments.of("bad IPv4", "[[listen]]\naddress = \"300.1.1.1:80\"\n",
                        "FILE:2: listen[0].address: not an IPv4 address: \"300.1.1.1\""),
                Arguments.of("duplicate address", LISTEN + LISTEN,
                        "FILE:4: listen[1].address: duplicate address \"0.0.0.0:8080\" "
                                + "(also listen[0])"),
                Arguments.of("listener without address", "[[listen]]\ntls = \"main\"\n"
                                + "[tls.main]\nprovider = \"pem\"\n",
                        "FILE:1: listen[0].address: required"),
                Arguments.of("no listener", "[server]\nname = \"x\"\n",
                        "FILE: listen: at least one [[listen]] table is required"),
                Arguments.of("listener naming a missing tls table",
                        LISTEN + "[[listen]]\naddress = \"0.0.0.0:8443\"\ntls = \"main\"\n",
                        "FILE:5: listen[1].tls: no [tls.main] table"),
                Arguments.of("tls table without provider",
                        LISTEN + "[tls.main]\ncert = \"a.crt\"\n",
                        "FILE:3: tls.main.provider: required"),
                Arguments.of("duplicate route path", LISTEN
                                + "[[route]]\npath = \"/a\"\nhandler = \"echo\"\n"
                                + "[[route]]\npath = \"/a\"\nhandler = \"info\"\n",
                        "FILE:7: route[1].path: duplicate path \"/a\" (also route[0])"),
                Arguments.of("route without handler", LISTEN + "[[route]]\npath = \"/a\"\n",
                        "FILE:3: route[0].handler: required"),
                Arguments.of("route without path", LISTEN + "[[route]]\nhandler = \"echo\"\n",
                        "FILE:3: route[0].path: required"),
                Arguments.of("relative route path", LISTEN
                                + "[[route]]\npath = \"echo\"\nhandler = \"echo\"\n",
                        "FILE:4: route[0].path: must start with \"/\""),
                Arguments.of("route path with query", LISTEN
                                + "[[route]]\npath = \"/a?b\"\nhandler = \"echo\"\n",
                        "FILE:4: route[0].path: must be a path without \"?\" or \"#\""),
                Arguments.of("lower-case method", LISTEN
                                + "[[route]]\npath = \"/\"\nhandler = \"echo\"\nmethods = [\"get\"]\n",
                        "FILE:6: route[0].methods: method names are case-sensitive: "
                                + "write \"GET\", not \"get\""),
                Arguments.of("method not a token", LISTEN
                                + "[[route]]\npath = \"/\"\nhandler = \"echo\"\nmethods = [\"G T\"]\n",
                        "FILE:6: route[0].methods: not a method: \"G T\""),
                Arguments.of("method of wrong type", LISTEN
                                + "[[route]]\npath = \"/\"\nhandler = \"echo\"\nmethods = [1]\n",
                        "FILE:6: route[0].methods[0]: expected a string"),
                Arguments.of("validator without id", LISTEN + "[[validator]]\nlimit = 3\n",
                        "FILE:3: validator[0].id: required"),
                Arguments.of("access log without sink", LISTEN + "[[access_log]]\nsink = \"\"\n",
                        "FILE:4: access_log[0].sink: must not be empty"),
                Arguments.of("syntax error", LISTEN + "[server]\nname = \"httpd\n",
                        "FILE:4: invalid TOML at column 14: Newline not permitted here"),
                Arguments.of("env var missing", "[[listen]]\naddress = \"${HOST}:8080\"\n",
                        "FILE:2: listen[0].address: environment variable HOST is not set"),
                Arguments.of("env var missing in a plugin table", LISTEN
                                + "[[route]]\npath = \"/\"\nhandler = \"static\"\n"
                                + "root = \"${WWW}\"\n",
                        "FILE:6: route[0].root: environment variable WWW is not set"),
                Arguments.of("env reference unclosed", LISTEN + "[server]\nname = \"${NAME\"\n",
                        "FILE:4: server.name: unclosed \"${\" in \"${NAME\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneError")
    void reportsOneError(String what, String text, String expected) throws IOException {
        Path file = Files.writeString(dir.resolve("httpd.toml"), text);
        ConfigErrors errors = assertThrows(ConfigErrors.class,
                () -> ConfigLoader.load(file, Map.of()));
        assertEquals(List.of(expected.replace("FILE", file.toString())),
                errors.errors().stream().map(ConfigError::format).toList());
    }

    @Test
    void reportsEveryErrorTogetherInFileOrder() throws IOException {
        Path file = Files.writeString(dir.resolve("httpd.toml"), """
                [[route]]
                path = "/a"

                [server]
                name = "${UNSET}"
                colour = "blue"

                [[listen]]
                address = "localhost"
                tls = "missing"

                [limits]
                header_bytes = -1
                idle_timeout = "1 year"

                [[route]]
                path = "/a"
                handler = "echo"
                """);
        ConfigErrors errors = assertThrows(ConfigErrors.class,
                () -> ConfigLoader.load(file, Map.of()));
        String f = file.toString();
        List<String> expected = List.of(
                f + ":1: route[0].handler: required",
                f + ":5: server.name: environment variable UNSET is not set",
                f + ":6: server.colour: unknown key",
                f + ":9: listen[0].address: expected host:port such as \"0.0.0.0:8080\" "
                        + "or \"[::1]:8080\", not \"localhost\"",
                f + ":10: listen[0].tls: no [tls.missing] table",
                f + ":13: limits.header_bytes: must not be negative: \"-1\"",
                f + ":14: limits.idle_timeout: unknown unit \"year\" in \"1 year\" "
                        + "(use ms, s, m, h or d)",
                f + ":17: route[1].path: duplicate path \"/a\" (also route[0])");
        assertEquals(expected, errors.errors().stream().map(ConfigError::format).toList());
        assertEquals(String.join("\n", expected), errors.getMessage());
    }

    /** The core's errors do not hide the plugin tables: read() returns them to be checked. */
    @Test
    void readKeepsThePluginTablesBesideTheCoresErrors() throws Exception {
        Path file = Files.writeString(dir.resolve("httpd.toml"), LISTEN + """
                [[route]]
                path = "b"
                handler = "static"
                root = "www"

                [limits]
                header_bytes = 0
                """);
        LoadedConfig loaded = ConfigLoader.read(file, Map.of());
        String f = file.toString();
        assertEquals(List.of(f + ":4: route[0].path: must start with \"/\"",
                        f + ":9: limits.header_bytes: must be greater than 0"),
                loaded.errors().stream().map(ConfigError::format).toList());
        Route route = loaded.config().routes().getFirst();
        assertEquals("static", route.handler());
        assertEquals("route[0]", route.config().path());
        assertEquals(java.util.Set.of("root"), route.config().keys());
        assertEquals(loaded.errors(),
                assertThrows(ConfigErrors.class, loaded::orThrow).errors());
    }

    @Test
    void missingFileIsOneErrorWithoutLine() {
        Path file = dir.resolve("nope.toml");
        ConfigErrors errors = assertThrows(ConfigErrors.class,
                () -> ConfigLoader.load(file, Map.of()));
        assertEquals(List.of(new ConfigError(file, 0, "", "cannot read: no such file")),
                errors.errors());
        assertEquals(file + ": cannot read: no such file", errors.getMessage());
    }

    @Test
    void syntaxErrorPastTheLastLineIsPlacedOnIt() throws IOException {
        Path file = Files.writeString(dir.resolve("httpd.toml"), LISTEN + "index = [\n\"a\",\n");
        ConfigErrors errors = assertThrows(ConfigErrors.class,
                () -> ConfigLoader.load(file, Map.of()));
        assertEquals(file + ":4: invalid TOML: Premature end of file", errors.getMessage());
    }

    @Test
    void formatOmitsUnknownLineAndEmptyKey() {
        Path file = Path.of("conf/httpd.toml");
        assertEquals("conf/httpd.toml:3: limits.x: bad",
                new ConfigError(file, 3, "limits.x", "bad").format());
        assertEquals("conf/httpd.toml: limits.x: bad",
                new ConfigError(file, 0, "limits.x", "bad").format());
        assertEquals("conf/httpd.toml:7: bad", new ConfigError(file, 7, "", "bad").format());
    }
}
