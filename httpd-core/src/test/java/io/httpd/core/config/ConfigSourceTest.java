package io.httpd.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Finding the line of a key path by scanning the file's headers and keys. */
class ConfigSourceTest {
    private static final ConfigSource SOURCE = new ConfigSource(Path.of("httpd.toml"), """
            # comment = 1
            [server]
            name = "httpd"

            [[listen]]
            address = "0.0.0.0:8080"
            [[listen]]
              tls = "main"   # indented
            address = "[::1]:8443"

            [tls.main]
            provider = "pem"
            "cert" = "a.crt"

            [limits]
            header_bytes = 16384
            body_bytes = '''
            [fake]
            x = 1
            '''

            [[route]]
            path = "/a"
            index = [
              "[not.a.header]",
              "index.html",
            ]
            [[route]]
            path = "/b"
            root = "www"
            [route.options]
            deep = true
            [[route]]
            path = "/c"
            limits.body_bytes = 3
            tls . other . cert = "b.crt"
            """);

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource(textBlock = """
            server,                   2
            server.name,              3
            listen,                   5
            listen[0],                5
            listen[0].address,        6
            listen[1],                7
            listen[1].tls,            8
            listen[1].address,        9
            listen[1].port,           7
            listen[2].address,        5
            tls,                      11
            tls.main,                 11
            tls.main.provider,        12
            tls.main.cert,            13
            tls.main.key,             11
            limits,                   15
            limits.header_bytes,      16
            limits.body_bytes,        17
            fake,                     0
            fake.x,                   0
            route[0],                 22
            route[0].path,            23
            route[0].index,           24
            route[0].index[1],        24
            route[1].root,            30
            route[1].options,         31
            route[1].options.deep,    32
            route[2].path,            34
            route[2].limits.body_bytes, 35
            route[2].tls.other.cert,  36
            tls.other.cert,           11
            admin,                    0
            '',                       0
            """)
    void lineOf(String keyPath, int line) {
        assertEquals(line, SOURCE.lineOf(keyPath == null ? "" : keyPath));
    }

    @ParameterizedTest(name = "{0} lines")
    @CsvSource(textBlock = """
            '',            0
            'a = 1',       1
            'a = 1\n',     1
            'a = 1\n\n',   2
            'a = 1\r\nb = 2', 2
            """)
    void lineCount(String text, int lines) {
        assertEquals(lines, new ConfigSource(Path.of("x"), text.replace("\\n", "\n")
                .replace("\\r", "\r")).lineCount());
    }
}
