package io.httpd.plugin.staticfiles;

import io.httpd.api.Method;
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

/** Directories: the slash redirect, index files, and the optional listing. */
class DirectoryTest {
    @RegisterExtension
    final Site site = new Site().page("index.html", "home");

    @BeforeEach
    void site() throws IOException {
        site.file("docs/index.html", "docs home");
        site.file("docs/guide.txt", "guide");
        site.dir("empty");
        site.dir("a b");
        site.dir("evil.example");
    }

    @ParameterizedTest(name = "{0}?{1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "/docs          | ''        | /docs/",
        "/docs          | 'v=1&x=%20' | /docs/?v=1&x=%20",
        "/a b           | ''        | /a%20b/",
        // a protocol-relative Location would be an open redirect
        "//evil.example | ''        | /evil.example/",
    })
    void directoryWithoutSlashIs301ToTheSlashForm(String path, String query, String location)
            throws IOException {
        Response response = site.send(Method.GET, "/", path, query);
        assertEquals(Status.MOVED_PERMANENTLY, response.status());
        assertEquals("Location: " + location + "\n", Site.fields(response));
        assertEquals(0, response.body().length());
    }

    @Test
    void redirectKeepsThePrefixRoute() throws IOException {
        Response response = site.send(Method.GET, "/static/", "/static/docs", "");
        assertEquals("/static/docs/", response.headers().first("Location").orElseThrow());
    }

    @Test
    void directoryWithSlashServesItsIndexFile() throws IOException {
        assertEquals("home", site.body("/"));
        Response docs = site.get("/docs/");
        assertEquals(Status.OK, docs.status());
        assertEquals("text/html; charset=utf-8", docs.headers().first("Content-Type").orElseThrow());
        assertEquals("docs home", Site.text(docs));
    }

    @Test
    void indexNamesAreTriedInOrder() throws IOException {
        site.file("docs/index.htm", "htm");
        site.with("index", List.of("missing.html", "index.htm", "index.html"));
        assertEquals("htm", site.body("/docs/"));
        site.with("index", List.of());
        assertEquals(Status.NOT_FOUND, site.get("/docs/").status());
    }

    @Test
    void directoryWithoutIndexIs404WhenListingIsOff() throws IOException {
        assertEquals(Status.NOT_FOUND, site.get("/empty/").status());
    }

    @Test
    void listingEscapesAndSortsNamesAndHidesWhatIsNotServed() throws IOException {
        site.with("listing", true);
        site.file("list/b.txt", "b");
        site.file("list/A.txt", "a");
        site.file("list/<img src=x onerror=alert(1)>.html", "x");
        site.file("list/it's \"q\"&co.txt", "x");
        site.file("list/c:d.txt", "x");
        site.file("list/.secret", "x");
        site.dir("list/sub");
        Files.createSymbolicLink(site.root.resolve("list/out"), site.folder);

        Response response = site.get("/list/");

        assertEquals(Status.OK, response.status());
        assertEquals("Content-Type: text/html; charset=utf-8\n", Site.fields(response));
        assertEquals("""
                <!DOCTYPE html>
                <html>
                <head>
                <meta charset="utf-8">
                <title>Index of /list/</title>
                </head>
                <body>
                <h1>Index of /list/</h1>
                <ul>
                <li><a href="../">../</a></li>
                <li><a href="%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E.html">&lt;img src=x onerror=alert(1)&gt;.html</a></li>
                <li><a href="A.txt">A.txt</a></li>
                <li><a href="b.txt">b.txt</a></li>
                <li><a href="c%3Ad.txt">c:d.txt</a></li>
                <li><a href="it%27s%20%22q%22%26co.txt">it&#39;s &quot;q&quot;&amp;co.txt</a></li>
                <li><a href="sub/">sub/</a></li>
                </ul>
                </body>
                </html>
                """, Site.text(response));
    }

    @Test
    void listingOfTheRouteRootHasNoParentLink() throws IOException {
        site.with("listing", true).with("index", List.of());
        String page = site.body("/");
        assertEquals(-1, page.indexOf("href=\"../\""), page);
        assertEquals(true, page.contains("<li><a href=\"a%20b/\">a b/</a></li>"), page);
    }

    @Test
    void listingTitleIsEscaped() throws IOException {
        site.with("listing", true);
        site.dir("<b>");
        String page = new String(Site.bytes(site.get("/<b>/")), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(true, page.contains("<title>Index of /&lt;b&gt;/</title>"), page);
    }
}
