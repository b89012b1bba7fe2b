package io.httpd.plugin.staticfiles;

import io.httpd.api.Headers;
import io.httpd.api.Token;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Content-Type by file extension (RFC 9110 §8.3): a built-in table of the types a web site
 * uses, overridden by the route's {@code mime_types}. {@code text/*} types without parameters
 * get {@code ; charset=utf-8}. Unknown extensions are {@value #DEFAULT}.
 */
final class MediaTypes {
    /** For files whose type is unknown (RFC 9110 §8.3: the recipient may then sniff or save). */
    static final String DEFAULT = "application/octet-stream";

    private static final String CHARSET = "; charset=utf-8";
    private static final Headers.Field DEFAULT_FIELD = new Headers.Field("Content-Type", DEFAULT);

    private static final Map<String, String> BUILT_IN = Map.ofEntries(
            Map.entry("html", "text/html"), Map.entry("htm", "text/html"),
            Map.entry("css", "text/css"), Map.entry("js", "text/javascript"),
            Map.entry("mjs", "text/javascript"), Map.entry("txt", "text/plain"),
            Map.entry("md", "text/markdown"), Map.entry("csv", "text/csv"),
            Map.entry("ics", "text/calendar"), Map.entry("vtt", "text/vtt"),
            Map.entry("xml", "application/xml"), Map.entry("json", "application/json"),
            Map.entry("map", "application/json"),
            Map.entry("webmanifest", "application/manifest+json"),
            Map.entry("xhtml", "application/xhtml+xml"), Map.entry("rss", "application/rss+xml"),
            Map.entry("atom", "application/atom+xml"), Map.entry("pdf", "application/pdf"),
            Map.entry("wasm", "application/wasm"), Map.entry("zip", "application/zip"),
            Map.entry("gz", "application/gzip"), Map.entry("tar", "application/x-tar"),
            Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"),
            Map.entry("avif", "image/avif"), Map.entry("ico", "image/vnd.microsoft.icon"),
            Map.entry("bmp", "image/bmp"), Map.entry("woff", "font/woff"),
            Map.entry("woff2", "font/woff2"), Map.entry("ttf", "font/ttf"),
            Map.entry("otf", "font/otf"), Map.entry("mp3", "audio/mpeg"),
            Map.entry("ogg", "audio/ogg"), Map.entry("wav", "audio/wav"),
            Map.entry("flac", "audio/flac"), Map.entry("m4a", "audio/mp4"),
            Map.entry("mp4", "video/mp4"), Map.entry("webm", "video/webm"),
            Map.entry("ogv", "video/ogg"), Map.entry("mov", "video/quicktime"));

    private final Map<String, String> types;
    private final Map<String, Headers.Field> fields;

    /**
     * @param overrides extension (lower case, no dot) to media type, each valid per
     *                  {@link #isMediaType}; they replace or add to the built-in table
     */
    MediaTypes(Map<String, String> overrides) {
        Map<String, String> all = new HashMap<>(BUILT_IN);
        all.putAll(overrides);
        Map<String, String> withCharset = new HashMap<>(all.size());
        all.forEach((extension, type) -> withCharset.put(extension, withCharset(type)));
        this.types = Map.copyOf(withCharset);
        Map<String, Headers.Field> fields = new HashMap<>(types.size());
        types.forEach((extension, type) -> fields.put(extension,
                new Headers.Field("Content-Type", type)));
        this.fields = Map.copyOf(fields);
    }

    /**
     * Whether a config value is a well-formed media type, parameters allowed:
     * {@code type "/" subtype *( OWS ";" OWS name "=" value )} (RFC 9110 §8.3.1), type, subtype
     * and the first parameter's name tokens, the rest a field value.
     */
    static boolean isMediaType(String value) {
        int semicolon = value.indexOf(';');
        int typeEnd = semicolon < 0 ? value.length() : semicolon;
        while (semicolon >= 0 && typeEnd > 0 && isOws(value.charAt(typeEnd - 1))) {
            typeEnd--;
        }
        int slash = value.indexOf('/');
        if (slash < 0 || slash >= typeEnd || !Token.isToken(value.substring(0, slash))
                || !Token.isToken(value.substring(slash + 1, typeEnd))) {
            return false;
        }
        if (semicolon < 0) {
            return true;
        }
        int from = semicolon + 1;
        while (from < value.length() && isOws(value.charAt(from))) {
            from++;
        }
        String parameters = value.substring(from);
        int equals = parameters.indexOf('=');
        return equals > 0 && Token.isToken(parameters.substring(0, equals))
                && Token.isFieldValue(parameters);
    }

    /** A space or a tab: OWS of RFC 9110 §5.6.3. */
    private static boolean isOws(char c) {
        return c == ' ' || c == '\t';
    }

    /** The Content-Type of a file, by the extension of its name, ignoring case. */
    String of(String fileName) {
        String extension = extension(fileName);
        return extension == null ? DEFAULT : types.getOrDefault(extension, DEFAULT);
    }

    /** {@link #of} as a {@code Content-Type} field, made once per type. */
    Headers.Field field(String fileName) {
        String extension = extension(fileName);
        return extension == null ? DEFAULT_FIELD : fields.getOrDefault(extension, DEFAULT_FIELD);
    }

    /** The extension in lower case, or null when the name has none. */
    private static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot <= 0 || dot == fileName.length() - 1) {
            return null;
        }
        return fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String withCharset(String type) {
        boolean text = type.regionMatches(true, 0, "text/", 0, 5);
        return text && type.indexOf(';') < 0 ? type + CHARSET : type;
    }
}
