package io.httpd.plugin.guard;

import io.httpd.api.PluginConfig;
import io.httpd.api.Request;

import java.util.List;

/**
 * Which requests a validator table guards: its {@code routes} key, route paths as
 * {@code [[route]]} writes them. A path ending in {@code /} covers itself and every path under
 * it (as such a route answers them), any other only itself; no {@code routes} key covers every
 * request.
 *
 * <p>Validators run before routing, so this matches the request's path against the listed
 * paths rather than asking which route answered: a route mounted inside a guarded prefix
 * ({@code /admin/public/} inside {@code /admin/}) is guarded too. That errs on the side of
 * guarding.
 */
record Scope(List<String> routes) {
    static final Scope EVERY_ROUTE = new Scope(List.of());

    Scope {
        routes = List.copyOf(routes);
    }

    static Scope read(PluginConfig config) {
        List<String> routes = config.strings("routes", List.of());
        for (String route : routes) {
            if (!route.startsWith("/")) {
                throw config.error("routes",
                        "a route path starts with \"/\", not \"" + route + "\"");
            }
        }
        if (config.keys().contains("routes") && routes.isEmpty()) {
            throw config.error("routes", "empty: leave the key out to guard every route");
        }
        return new Scope(routes);
    }

    /** Whether this table guards the request. */
    boolean covers(Request request) {
        return routes.isEmpty() || covers(request.path());
    }

    boolean covers(String path) {
        for (String route : routes) {
            if (route.endsWith("/") ? path.startsWith(route) : path.equals(route)) {
                return true;
            }
        }
        return routes.isEmpty();
    }
}
