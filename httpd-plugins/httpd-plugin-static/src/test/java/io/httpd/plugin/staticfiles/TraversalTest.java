package io.httpd.plugin.staticfiles;

import io.httpd.api.Response;
import io.httpd.api.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Traversal attempts from public advisories, in the form the server hands them over (decoded
 * once): each is a 404 that looks like any other, and one {@code static.refuse} log line.
 */
class TraversalTest {
    @RegisterExtension
    final Site site = new Site().page("index.html", "home");

    @BeforeEach
    void site() throws IOException {
        Files.writeString(site.folder.resolve("secret.txt"), "outside");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // CVE-2021-41773: GET /icons/.%2e/%2e%2e/etc/passwd on Apache 2.4.49
        "/icons/../../secret.txt                    | dot-segment",
        // CVE-2021-42013: /.%%32%65/ on Apache 2.4.50, should a first wall decode twice
        "/../secret.txt                             | dot-segment",
        // CVE-2007-0450: Tomcat, "\" and "%5C" as separators
        "/..\\secret.txt                            | backslash",
        "/%5C..%5Csecret.txt\\                      | backslash",
        // CVE-2021-34429: Jetty, /.%00/WEB-INF/web.xml
        "/.\u0000/secret.txt                        | control-character",
        "/index.html\u0000.png                      | control-character",
        // CVE-2000-0884: IIS, /..%c0%af../ (overlong "/"), as a lenient decoder leaves it
        "/..\uFFFD../secret.txt                     | malformed-utf8",
    })
    void refusesWith404AndLogsOnce(String path, String reason) throws IOException {
        Response response = site.get(path);

        assertEquals(Status.NOT_FOUND, response.status());
        assertEquals("404 Not Found\n", Site.text(response));
        assertEquals(1, site.logged.size(), site.logged.toString());
        String line = site.logged.getFirst();
        assertEquals(true, line.startsWith("static.refuse reason=" + reason + " route=\"/\" path=\""),
                line);
        assertEquals(true, line.chars().allMatch(c -> c >= 0x20 && c < 0x7f), "escaped: " + line);
    }

    @Test
    void symlinkLeadingOutIs404AndLogged() throws IOException {
        Files.createSymbolicLink(site.root.resolve("passwd"), Path.of("../secret.txt"));
        Response response = site.get("/passwd");
        assertEquals(Status.NOT_FOUND, response.status());
        assertEquals(List.of("static.refuse reason=outside-root route=\"/\" path=\"/passwd\""
                + " remote=/127.0.0.1:5555"), site.logged);
    }

    @Test
    void symlinkInsideIsServed() throws IOException {
        Files.createSymbolicLink(site.root.resolve("home.html"), Path.of("index.html"));
        assertEquals("home", site.body("/home.html"));
        assertEquals(List.of(), site.logged);
    }

    @Test
    void dotfilesAre404WithoutALogLine() throws IOException {
        site.file(".env", "KEY=1");
        site.file(".git/config", "[core]");
        assertEquals(Status.NOT_FOUND, site.get("/.env").status());
        assertEquals(Status.NOT_FOUND, site.get("/.git/config").status());
        assertEquals(List.of(), site.logged);
        site.with("dotfiles", true);
        assertEquals("KEY=1", site.body("/.env"));
    }

    /** Text that looks encoded is a name: the path is never decoded a second time. */
    @Test
    void encodedLookingNamesAreNames() throws IOException {
        assertEquals(Status.NOT_FOUND, site.get("/%2e%2e/secret.txt").status());
        assertEquals(List.of(), site.logged);
    }
}
