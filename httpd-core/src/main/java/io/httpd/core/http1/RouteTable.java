package io.httpd.core.http1;

import io.httpd.api.Method;
import io.httpd.api.RouteHandler;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Maps a normalized path to a route: an exact path wins; else the longest prefix among the
 * routes whose path is {@code "/"} or ends in {@code "/"}. The order routes were given in does
 * not matter.
 */
public final class RouteTable {
    /**
     * A mounted handler.
     *
     * @param path      the route's path
     * @param handlerId the id of its handler, for logs and the server view
     * @param handler   the handler instance
     * @param methods   the methods answered: the handler's own, narrowed by the route's
     *                  {@code methods}; GET implies HEAD
     * @param bodyLimit the largest request body accepted, in bytes
     */
    public record Route(String path, String handlerId, RouteHandler handler, Set<Method> methods,
                        long bodyLimit) {
        public Route {
            methods = Set.copyOf(Method.withHead(methods)); // whoever built the set
        }

        /** The Allow field value of this route. */
        public String allow() {
            return RouteTable.allow(methods);
        }
    }

    private final Map<String, Route> exact = new HashMap<>();
    private final List<Route> prefixes = new ArrayList<>();
    private final List<Route> all;

    public RouteTable(List<Route> routes) {
        this.all = List.copyOf(routes);
        for (Route r : routes) {
            if (r.path().endsWith("/")) {
                prefixes.add(r);
            }
            exact.put(r.path(), r);
        }
        prefixes.sort((a, b) -> Integer.compare(b.path().length(), a.path().length())); // longest first
    }

    /** The route for a path, or null when none matches (404). */
    public Route match(String path) {
        Route r = exact.get(path);
        if (r != null) {
            return r;
        }
        for (Route p : prefixes) {
            if (path.startsWith(p.path())) {
                return p;
            }
        }
        return null;
    }

    /** Every route, in the order given. */
    public List<Route> routes() {
        return all;
    }

    /** An Allow field value (RFC 9110 §10.2.1): the methods plus OPTIONS, sorted. */
    static String allow(Set<Method> methods) {
        Set<String> names = new TreeSet<>();
        methods.forEach(m -> names.add(m.name()));
        names.add("OPTIONS");
        return String.join(", ", names);
    }

    /** The methods any route answers, for {@code OPTIONS *}. */
    public Set<Method> allMethods() {
        Set<Method> methods = new LinkedHashSet<>();
        all.forEach(r -> methods.addAll(r.methods()));
        return methods;
    }
}
