package io.httpd.plugin.staticfiles;

import io.httpd.plugin.staticfiles.FileResolver.Found;
import io.httpd.plugin.staticfiles.FileResolver.Missing;
import io.httpd.plugin.staticfiles.FileResolver.Refused;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * The second wall: paths as the server hands them over (decoded once, dot-segments removed),
 * and the forms that slipped past other servers' first wall, mapped onto a root that has
 * {@code secret.txt} beside it, outside.
 */
class FileResolverTest {
    @TempDir
    Path folder;
    Path root;

    @BeforeEach
    void site() throws IOException {
        root = Files.createDirectories(folder.resolve("www"));
        Files.writeString(folder.resolve("secret.txt"), "outside");
        Files.createDirectories(folder.resolve("www2"));
        Files.writeString(folder.resolve("www2/secret.txt"), "sibling");
        Files.createDirectories(root.resolve("a"));
        Files.writeString(root.resolve("a/b.txt"), "inside");
        Files.writeString(root.resolve("index.html"), "home");
        Files.createDirectories(root.resolve(".git"));
        Files.writeString(root.resolve(".git/config"), "[core]");
        Files.writeString(root.resolve(".env"), "KEY=1");
        Files.writeString(root.resolve("%2e%2e"), "a name, not a dot-segment");
    }

    private FileResolver resolver(boolean dotfiles) throws IOException {
        Path real = root.toRealPath();
        return new FileResolver(real, dotfiles, new MetadataCache(real, Duration.ZERO, System::nanoTime));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a/b.txt              | a/b.txt",
        "a//b.txt             | a/b.txt",
        "''                   | ''",
        "a/                   | a",
        // CVE-2021-42013: "%%32%65" decoded once is the text "%2e"; never decoded twice
        "%2e%2e               | %2e%2e",
    })
    void findsFilesAndDirectories(String relative, String expected) throws IOException {
        Found found = assertInstanceOf(Found.class, resolver(false).lookup(relative));
        assertEquals(root.toRealPath().resolve(expected), found.stat().real());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        // CVE-2021-41773 / CVE-2021-42013 (Apache 2.4.49/50): ".%2e/" reaching the mapper as ".."
        "../secret.txt                     | dot-segment",
        "a/../../secret.txt                | dot-segment",
        "./index.html                      | dot-segment",
        // CVE-2007-0450 (Tomcat): "\" and "%5C" as separators on Windows
        "..\\secret.txt                    | backslash",
        "a\\..\\..\\secret.txt             | backslash",
        // CVE-2021-34429 (Jetty): "/.%00/WEB-INF/" - a NUL that ends the name in native code
        "index.html\u0000.txt              | control-character",
        ".\u0000/secret.txt                | control-character",
        "a\u001b[31m                       | control-character",
        // CVE-2000-0884 (IIS): overlong UTF-8 "..%c0%af" as a lenient decoder leaves it
        "..\uFFFD..\uFFFDsecret.txt        | malformed-utf8",
        "\uD800/secret.txt                 | malformed-utf8",
        "a\uDC00b                          | malformed-utf8",
    })
    void refusesTraversalForms(String relative, String reason) throws IOException {
        assertEquals(new Refused(reason), resolver(true).lookup(relative));
    }

    @ParameterizedTest
    @CsvSource({".env", ".git/config", "a/.hidden", ".git"})
    void hidesDotfilesUnlessShown(String relative) throws IOException {
        assertInstanceOf(Missing.class, resolver(false).lookup(relative));
        if (Files.exists(root.resolve(relative))) {
            assertInstanceOf(Found.class, resolver(true).lookup(relative));
        }
    }

    @Test
    void findsNothingForAbsentNamesAndFilesUsedAsFolders() throws IOException {
        assertInstanceOf(Missing.class, resolver(false).lookup("nope.txt"));
        assertInstanceOf(Missing.class, resolver(false).lookup("index.html/x"));
    }

    @Test
    void followsSymbolicLinksInsideTheRoot() throws IOException {
        Files.createSymbolicLink(root.resolve("latest.txt"), Path.of("a/b.txt"));
        Files.createSymbolicLink(root.resolve("alias"), root.resolve("a"));
        FileResolver resolver = resolver(false);

        Found file = assertInstanceOf(Found.class, resolver.lookup("latest.txt"));
        assertEquals(root.toRealPath().resolve("a/b.txt"), file.stat().real());
        assertEquals(root.toRealPath().resolve("latest.txt"), file.path(), "named as asked");
        Found viaDir = assertInstanceOf(Found.class, resolver.lookup("alias/b.txt"));
        assertEquals(root.toRealPath().resolve("a/b.txt"), viaDir.stat().real());
    }

    @Test
    void refusesSymbolicLinksLeadingOut() throws IOException {
        Files.createSymbolicLink(root.resolve("passwd"), Path.of("../secret.txt"));
        Files.createSymbolicLink(root.resolve("up"), folder);
        Files.createSymbolicLink(root.resolve("slash"), Path.of("/"));
        Files.createSymbolicLink(root.resolve("sibling"), Path.of("../www2/secret.txt"));
        FileResolver resolver = resolver(false);

        Refused outside = new Refused("outside-root");
        assertEquals(outside, resolver.lookup("passwd"));
        assertEquals(outside, resolver.lookup("up/secret.txt"));
        assertEquals(outside, resolver.lookup("up"));
        assertEquals(outside, resolver.lookup("slash/etc/hostname"));
        assertEquals(outside, resolver.lookup("sibling"), "/www2 is not inside /www");
        Files.delete(root.resolve("slash")); // before @TempDir cleanup, which warns about it
    }

    @Test
    void treatsLoopsAndDanglingLinksAsMissing() throws IOException {
        Files.createSymbolicLink(root.resolve("loop1"), Path.of("loop2"));
        Files.createSymbolicLink(root.resolve("loop2"), Path.of("loop1"));
        Files.createSymbolicLink(root.resolve("dangling"), Path.of("nowhere"));
        assertInstanceOf(Missing.class, resolver(false).lookup("loop1"));
        assertInstanceOf(Missing.class, resolver(false).lookup("dangling"));
    }

    @Test
    void treatsSpecialFilesAsMissing() throws Exception {
        Process mkfifo = new ProcessBuilder("mkfifo", root.resolve("pipe").toString()).start();
        assertEquals(0, mkfifo.waitFor());
        assertInstanceOf(Missing.class, resolver(false).lookup("pipe"));
    }

    @Test
    void appliesTheSameRulesToChildNames() throws IOException {
        FileResolver resolver = resolver(false);
        Path real = root.toRealPath();
        assertInstanceOf(Found.class, resolver.child(real, "index.html"));
        assertInstanceOf(Missing.class, resolver.child(real, ".env"));
        assertEquals(new Refused("dot-segment"), resolver.child(real, ".."));
    }

    @Test
    void foundCarriesTheNameAsked() throws IOException {
        FileResolver resolver = resolver(false);
        assertEquals("b.txt", assertInstanceOf(Found.class, resolver.lookup("a//b.txt/")).name());
        assertEquals("", assertInstanceOf(Found.class, resolver.lookup("")).name());
        Found index = assertInstanceOf(Found.class,
                resolver.child(root.toRealPath(), "index.html"));
        assertEquals("index.html", index.name());
        Files.writeString(root.resolve("index.html.gz"), "gz");
        Found gz = assertInstanceOf(Found.class, resolver.sibling(index, ".gz"));
        assertEquals("index.html.gz", gz.name());
        assertEquals(root.toRealPath().resolve("index.html.gz"), gz.path());
    }

    /** Names are mapped once; what they name is asked every time (here: a TTL of zero). */
    @Test
    void mappedNamesNeverHideChangesOnDisk() throws IOException {
        FileResolver resolver = resolver(false);
        Files.writeString(root.resolve("a/c.txt"), "c");
        Files.createSymbolicLink(root.resolve("latest.txt"), Path.of("a/b.txt"));
        for (int i = 0; i < 2; i++) {
            Found found = assertInstanceOf(Found.class, resolver.lookup("latest.txt"));
            assertEquals(root.toRealPath().resolve("a/b.txt"), found.stat().real());
        }
        Files.delete(root.resolve("latest.txt"));
        assertInstanceOf(Missing.class, resolver.lookup("latest.txt"));
        Files.createSymbolicLink(root.resolve("latest.txt"), Path.of("a/c.txt"));
        Found found = assertInstanceOf(Found.class, resolver.lookup("latest.txt"));
        assertEquals(root.toRealPath().resolve("a/c.txt"), found.stat().real());
        Files.delete(root.resolve("latest.txt"));
        Files.createSymbolicLink(root.resolve("latest.txt"), Path.of("../secret.txt"));
        assertEquals(new Refused("outside-root"), resolver.lookup("latest.txt"));

        Found b = assertInstanceOf(Found.class, resolver.lookup("a/b.txt"));
        assertInstanceOf(Missing.class, resolver.sibling(b, ".br"));
        Files.writeString(root.resolve("a/b.txt.br"), "br");
        assertInstanceOf(Found.class, resolver.sibling(b, ".br"));
    }

    /**
     * A request path is remembered whole, with where its part below the route begins: the same
     * path below another route ("/a/" rather than "/") names another file.
     */
    @Test
    void aPathRememberedWholeIsMappedFromItsOwnRoute() throws IOException {
        FileResolver resolver = resolver(false);
        Files.writeString(root.resolve("a/a"), "a inside a");
        Path real = root.toRealPath();
        for (int i = 0; i < 2; i++) {
            assertEquals(real.resolve("a/b.txt"),
                    assertInstanceOf(Found.class, resolver.lookup("/a/b.txt", 1)).path());
            assertInstanceOf(Missing.class, resolver.lookup("/a/b.txt", 3), "b.txt at the root");
            assertEquals(real.resolve("a/a"),
                    assertInstanceOf(Found.class, resolver.lookup("/a/a", 1)).path());
            assertEquals(real.resolve("a"),
                    assertInstanceOf(Found.class, resolver.lookup("/a/a", 3)).path());
        }
    }

    /** The Content-Type of the name asked, kept with the mapped name, not the real file's. */
    @Test
    void foundCarriesTheTypeOfTheNameAsked() throws IOException {
        FileResolver resolver = resolver(false);
        Files.createSymbolicLink(root.resolve("latest.html"), Path.of("a/b.txt"));
        for (int i = 0; i < 2; i++) {
            assertEquals("text/html; charset=utf-8", assertInstanceOf(Found.class,
                    resolver.lookup("/latest.html", 1)).type().value());
            assertEquals("text/plain; charset=utf-8", assertInstanceOf(Found.class,
                    resolver.lookup("/a/b.txt", 1)).type().value());
        }
    }

    @Test
    void refusalsAreAnsweredEveryTime() throws IOException {
        FileResolver resolver = resolver(false);
        for (int i = 0; i < 2; i++) {
            assertEquals(new Refused("dot-segment"), resolver.lookup("a/../index.html"));
            assertInstanceOf(Missing.class, resolver.lookup(".env"));
            assertEquals(new Refused("backslash"), resolver.child(root.toRealPath(), "a\\b"));
        }
    }
}
