package io.httpd.dist;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The static plugin's directory listing in a real browser (Debian's chromium, headless): names
 * that are HTML or script stay text, the entries are sorted, every link leads to its file.
 */
class DirectoryListingBrowserIT {
    @TempDir
    Path dir;

    @Test
    void hostileNamesAreShownAsTextAndEveryLinkWorks() throws Exception {
        Path site = Files.createDirectories(dir.resolve("site"));
        List<String> names = List.of("<img src=x onerror=\"document.title='pwned'\">.txt",
                "a&b \"q\".txt", "sub", "z.txt", "\u00fcn\u00ef c\u00f8d\u00e9.txt");
        for (String name : names) {
            if (name.equals("sub")) {
                Files.createDirectories(site.resolve(name));
            } else {
                Files.writeString(site.resolve(name), "content of " + name);
            }
        }
        Path config = ImageProcess.writeConfig(dir, ImageProcess.ANY_PORT + """

                [[route]]
                path = "/files/"
                handler = "static"
                root = "site"
                listing = true
                """);
        try (ImageProcess server = ImageProcess.serve(dir, config)) {
            int port = server.port();
            String dom = Chromium.dumpDom(dir, "http://127.0.0.1:" + port + "/files/");
            assertTrue(dom.contains("<title>Index of /files/</title>"), "no script ran:\n" + dom);
            Matcher links = Pattern.compile("<a href=\"([^\"]+)\">([^<]*)</a>").matcher(dom);
            List<String[]> found = links.results().map(m -> new String[] {m.group(1), m.group(2)})
                    .toList();
            assertEquals(List.of("&lt;img src=x onerror=\"document.title='pwned'\"&gt;.txt",
                    "a&amp;b \"q\".txt", "sub/", "z.txt", "\u00fcn\u00ef c\u00f8d\u00e9.txt"),
                    found.stream().map(f -> f[1]).toList(), dom);
            for (String[] link : found) {
                RawHttp r = RawHttp.get(port, "/files/" + link[0]);
                assertEquals(200, r.status(), link[0] + "\n" + r.head());
            }
        }
    }
}
