package io.httpd.plugin.info;

/** How much the page shows ({@code detail} in httpd.toml). */
enum Detail {
    /** Everything the server view offers. */
    FULL,
    /** No plugins and no versions: safe for a public site. */
    BASIC
}
