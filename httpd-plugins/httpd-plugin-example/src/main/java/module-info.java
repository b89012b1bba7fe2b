module example.greeting {
    requires io.httpd.api;

    provides io.httpd.api.RouteHandlerProvider with example.greeting.GreetingProvider;
}
