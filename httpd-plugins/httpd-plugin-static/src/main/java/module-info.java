/**
 * RouteHandler {@code static}: serves the files under a root folder (RFC 9110): validators
 * and conditional requests, byte ranges, directory index files and an optional listing,
 * precompressed {@code .br}/{@code .gz} sidecars, small files from memory and larger ones as
 * file bodies the server sends with sendfile. Refusals are logged through
 * {@link System.Logger} as {@code static.refuse}.
 */
module io.httpd.plugin.staticfiles {
    requires io.httpd.api;

    provides io.httpd.api.RouteHandlerProvider with io.httpd.plugin.staticfiles.StaticProvider;
}
