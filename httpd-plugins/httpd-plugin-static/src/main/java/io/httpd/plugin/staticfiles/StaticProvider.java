package io.httpd.plugin.staticfiles;

import io.httpd.api.RouteHandlerProvider;

/**
 * Finds the {@code static} route handler: {@code handler = "static"} in a {@code [[route]]}
 * table. Its keys, all read so that a misspelt one is reported as unknown:
 *
 * <pre>
 * root          = "../www"          # required: an existing directory, relative to httpd.toml
 * index         = ["index.html"]    # index files of a directory, tried in order
 * listing       = false             # an HTML listing when a directory has no index file
 * dotfiles      = false             # false: names starting with "." are 404
 * precompressed = true              # serve file.br / file.gz sidecars when accepted
 * cache_control = "max-age=3600"    # Cache-Control of 200, 206 and 304; absent: none
 * metadata_ttl  = "1s"              # how stale file metadata may be; "0s": never cached
 * memory_file_bytes  = "16KiB"      # files up to this size are sent from memory; 0: none
 * memory_total_bytes = "32MiB"      # the most file content held in memory by this route
 * [route.mime_types]                # extension = media type, over the built-in table
 * </pre>
 */
public final class StaticProvider extends RouteHandlerProvider.Base {
    /**
     * Creates the provider; no side effects. Its factory checks the route's keys, resolves the
     * root once, and returns the handler.
     */
    public StaticProvider() {
        super("static", (config, server) -> new StaticHandler(StaticConfig.read(config)));
    }
}
