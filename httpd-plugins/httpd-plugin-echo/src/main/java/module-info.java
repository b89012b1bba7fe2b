/** RouteHandler {@code echo}: answers with the request as the server parsed it. */
module io.httpd.plugin.echo {
    requires io.httpd.api;

    provides io.httpd.api.RouteHandlerProvider with io.httpd.plugin.echo.EchoProvider;
}
