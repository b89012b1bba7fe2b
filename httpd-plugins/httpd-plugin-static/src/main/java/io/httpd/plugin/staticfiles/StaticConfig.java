package io.httpd.plugin.staticfiles;

import io.httpd.api.Headers;
import io.httpd.api.PluginConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The keys of a {@code [[route]]} table with {@code handler = "static"}, checked at start-up.
 *
 * @param root          the root folder's real path, resolved once
 * @param index         index file names tried in order for a directory
 * @param listing       whether a directory without an index file gets an HTML listing
 * @param dotfiles      whether names starting with {@code .} are served
 * @param precompressed whether {@code .br}/{@code .gz} sidecars are served
 * @param cacheControl  the Cache-Control value for this route's files, {@code ""} for none
 * @param mimeTypes     extension (lower case, no dot) to media type, over the built-in table
 * @param metadataTtl   how long file metadata may be reused; zero for not at all
 */
record StaticConfig(Path root, List<String> index, boolean listing, boolean dotfiles,
                    boolean precompressed, String cacheControl, Map<String, String> mimeTypes,
                    Duration metadataTtl) {
    static final List<String> DEFAULT_INDEX = List.of("index.html");
    static final Duration DEFAULT_METADATA_TTL = Duration.ofSeconds(1);

    StaticConfig {
        index = List.copyOf(index);
        mimeTypes = Map.copyOf(mimeTypes);
    }

    /** Reads every key of the table; a bad value throws {@code config.error(key, ...)}. */
    static StaticConfig read(PluginConfig config) {
        Path root = root(config);
        List<String> index = index(config);
        boolean listing = config.bool("listing", false);
        boolean dotfiles = config.bool("dotfiles", false);
        boolean precompressed = config.bool("precompressed", true);
        String cacheControl = cacheControl(config);
        Map<String, String> mimeTypes = mimeTypes(config);
        Duration ttl = config.duration("metadata_ttl", DEFAULT_METADATA_TTL);
        if (ttl.isNegative()) {
            throw config.error("metadata_ttl", "must not be negative");
        }
        return new StaticConfig(root, index, listing, dotfiles, precompressed, cacheControl,
                mimeTypes, ttl);
    }

    private static Path root(PluginConfig config) {
        Path root = config.path("root").orElseThrow(() -> config.error("root", "required"));
        if (!Files.isDirectory(root)) {
            throw config.error("root", "not an existing directory: " + root);
        }
        try {
            return root.toRealPath();
        } catch (IOException e) {
            throw config.error("root", "cannot be resolved: " + e.getMessage());
        }
    }

    private static List<String> index(PluginConfig config) {
        List<String> index = config.strings("index", DEFAULT_INDEX);
        for (String name : index) {
            if (name.isEmpty() || name.indexOf('/') >= 0 || FileResolver.refusal(name) != null) {
                throw config.error("index", "not a plain file name: \"" + name + "\"");
            }
        }
        return index;
    }

    private static String cacheControl(PluginConfig config) {
        Optional<String> value = config.string("cache_control");
        try {
            value.ifPresent(v -> new Headers.Field("Cache-Control", v.strip()));
        } catch (IllegalArgumentException e) {
            throw config.error("cache_control", "not a valid field value");
        }
        return value.map(String::strip).orElse("");
    }

    private static Map<String, String> mimeTypes(PluginConfig config) {
        Map<String, String> types = new LinkedHashMap<>();
        Optional<PluginConfig> table = config.table("mime_types");
        if (table.isEmpty()) {
            return types;
        }
        PluginConfig t = table.get();
        for (String key : t.keys()) {
            String type = t.string(key).orElseThrow().strip();
            String extension = (key.startsWith(".") ? key.substring(1) : key)
                    .toLowerCase(Locale.ROOT);
            if (extension.isEmpty() || extension.indexOf('.') >= 0 || extension.indexOf('/') >= 0) {
                throw t.error(key, "not a file extension");
            }
            if (!MediaTypes.isMediaType(type)) {
                throw t.error(key, "not a media type such as \"text/plain\": \"" + type + "\"");
            }
            types.put(extension, type);
        }
        return types;
    }
}
