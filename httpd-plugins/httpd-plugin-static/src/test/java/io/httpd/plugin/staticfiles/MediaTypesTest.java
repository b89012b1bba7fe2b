package io.httpd.plugin.staticfiles;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MediaTypesTest {
    private final MediaTypes builtIn = new MediaTypes(Map.of());

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "index.html       | text/html; charset=utf-8",
        "INDEX.HTM        | text/html; charset=utf-8",
        "app.js           | text/javascript; charset=utf-8",
        "style.css        | text/css; charset=utf-8",
        "notes.txt        | text/plain; charset=utf-8",
        "data.json        | application/json",
        "logo.svg         | image/svg+xml",
        "photo.JPEG       | image/jpeg",
        "font.woff2       | font/woff2",
        "module.wasm      | application/wasm",
        "archive.tar.gz   | application/gzip",
        "README           | application/octet-stream",
        ".profile         | application/octet-stream",
        "trailing.        | application/octet-stream",
        "strange.xyz      | application/octet-stream",
    })
    void typesByExtension(String name, String expected) {
        assertEquals(expected, builtIn.of(name));
    }

    @Test
    void overridesReplaceAndAddWithCharsetForText() {
        MediaTypes types = new MediaTypes(Map.of(
                "js", "application/javascript",
                "log", "text/plain",
                "csv", "text/csv; charset=iso-8859-1",
                "xyz", "chemical/x-xyz"));
        assertEquals("application/javascript", types.of("a.js"));
        assertEquals("text/plain; charset=utf-8", types.of("server.log"));
        assertEquals("text/csv; charset=iso-8859-1", types.of("t.csv"));
        assertEquals("chemical/x-xyz", types.of("m.xyz"));
        assertEquals("text/html; charset=utf-8", types.of("i.html"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/vnd.api+json", "text/csv; header=present",
        "text/plain;charset=utf-8"})
    void acceptsMediaTypes(String value) {
        assertTrue(MediaTypes.isMediaType(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "text", "text/", "/plain", "text/plain; charset", "te xt/plain",
        "text/plain\r\nX-Injected: 1"})
    void refusesOthers(String value) {
        assertFalse(MediaTypes.isMediaType(value));
    }
}
