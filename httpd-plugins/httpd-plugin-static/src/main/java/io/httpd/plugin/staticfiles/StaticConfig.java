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
 * @param metadataTtl   how long file metadata (and content held in memory) may be reused;
 *                      zero for not at all
 * @param memoryFileBytes  files up to this size are served from memory; 0 for none
 * @param memoryTotalBytes the most file content this route holds in memory at once
 */
record StaticConfig(Path root, List<String> index, boolean listing, boolean dotfiles,
                    boolean precompressed, String cacheControl, Map<String, String> mimeTypes,
                    Duration metadataTtl, long memoryFileBytes, long memoryTotalBytes) {
    static final List<String> DEFAULT_INDEX = List.of("index.html");
    static final Duration DEFAULT_METADATA_TTL = Duration.ofSeconds(1);
    /** Files up to 16 KiB are held in memory by default: one write with the head. */
    static final long DEFAULT_MEMORY_FILE_BYTES = 16 * 1024;
    /** At most 32 MiB of file content per route by default. */
    static final long DEFAULT_MEMORY_TOTAL_BYTES = 32 * 1024 * 1024;
    /** The largest {@code memory_file_bytes}: a file in memory is one byte array. */
    static final long MAX_MEMORY_FILE_BYTES = 1024 * 1024 * 1024;

    StaticConfig {
        index = List.copyOf(index);
        mimeTypes = Map.copyOf(mimeTypes);
    }

    /**
     * Reads every key of the table; a bad value throws {@code config.error(key, ...)}. The root
     * comes last: when it is missing, every other key has been read, so that the server can
     * tell the unknown ones.
     */
    static StaticConfig read(PluginConfig config) {
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
        long totalBytes = config.size("memory_total_bytes", DEFAULT_MEMORY_TOTAL_BYTES);
        if (totalBytes < 0) {
            throw config.error("memory_total_bytes", "must not be negative");
        }
        long fileBytes = config.size("memory_file_bytes",
                Math.min(DEFAULT_MEMORY_FILE_BYTES, totalBytes));
        if (fileBytes < 0 || fileBytes > Math.min(totalBytes, MAX_MEMORY_FILE_BYTES)) {
            throw config.error("memory_file_bytes",
                    "must be between 0 and memory_total_bytes (at most 1GiB)");
        }
        Path root = root(config);
        return new StaticConfig(root, index, listing, dotfiles, precompressed, cacheControl,
                mimeTypes, ttl, fileBytes, totalBytes);
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
