package io.httpd.core.config;

import io.httpd.api.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One {@code [[route]]} table: a handler mounted on a path.
 *
 * @param path      an absolute path: exact, or a prefix when it is {@code /} or ends in {@code /};
 *                  {@code ""} in a config with errors when the path was wrong
 * @param handler   the id of the {@code RouteHandler} provider
 * @param methods   the methods the route allows, in file order, {@code HEAD} added when
 *                  {@code GET} is there; empty to allow the handler's own
 * @param bodyBytes this route's request-body limit, or -1 to use {@link Limits#bodyBytes()}
 * @param config    the handler's own keys (every key but path, handler, methods and body_bytes)
 */
public record Route(String path, String handler, Set<Method> methods, long bodyBytes,
                    TableConfig config) {
    /** The keys of a route table that are the core's; the rest belong to the handler. */
    static final Set<String> CORE_KEYS = Set.of("path", "handler", "methods", "body_bytes");

    public Route {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(config, "config");
        methods = Collections.unmodifiableSequencedSet(Method.withHead(methods));
        if (bodyBytes < -1) {
            throw new IllegalArgumentException("bodyBytes < -1: " + bodyBytes);
        }
    }

    static List<Route> readAll(List<TableConfig> tables, ErrorList errors) {
        List<Route> routes = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (TableConfig table : tables) {
            String path = errors.read(() -> path(table), null);
            String handler = errors.read(() -> handler(table), null);
            Set<Method> methods = errors.read(() -> methods(table), Set.of());
            long bodyBytes = errors.read(() -> table.size("body_bytes", -1), -1L);
            if (path != null) {
                String first = seen.putIfAbsent(path, table.path());
                if (first != null) {
                    errors.add(table.fullKey("path"),
                            "duplicate path \"" + path + "\" (also " + first + ")");
                }
            }
            if (handler != null) { // a wrong path is an error already; the handler is checked
                routes.add(new Route(path == null ? "" : path, handler, methods, bodyBytes,
                        table.without(CORE_KEYS)));
            }
        }
        return routes;
    }

    private static String path(TableConfig table) {
        String path = table.requireString("path");
        String problem = pathProblem(path);
        if (problem != null) {
            throw table.error("path", problem);
        }
        return path;
    }

    private static String pathProblem(String path) {
        if (!path.startsWith("/")) {
            return "must start with \"/\"";
        }
        if (path.contains("?") || path.contains("#")) {
            return "must be a path without \"?\" or \"#\"";
        }
        if (path.chars().anyMatch(c -> c <= 0x20 || c == 0x7f)) {
            return "must not contain spaces or control characters";
        }
        for (String segment : path.split("/")) {
            if (segment.equals(".") || segment.equals("..")) {
                return "must not contain \".\" or \"..\" segments";
            }
        }
        return null;
    }

    private static String handler(TableConfig table) {
        String handler = table.requireString("handler");
        if (handler.isBlank()) {
            throw table.error("handler", "must not be empty");
        }
        return handler;
    }

    private static Set<Method> methods(TableConfig table) {
        List<String> names = table.strings("methods", null);
        if (names == null) {
            return Set.of();
        }
        if (names.isEmpty()) {
            throw table.error("methods",
                    "must not be empty (leave it out to allow the handler's own methods)");
        }
        Set<Method> methods = new LinkedHashSet<>();
        for (String name : names) {
            String upper = name.toUpperCase(Locale.ROOT);
            if (!name.equals(upper)
                    && Method.STANDARD.stream().anyMatch(m -> m.name().equals(upper))) {
                throw table.error("methods", "method names are case-sensitive: write \""
                        + upper + "\", not \"" + name + "\"");
            }
            try {
                methods.add(Method.of(name));
            } catch (IllegalArgumentException e) {
                throw table.error("methods", "not a method: \"" + name + "\"");
            }
        }
        return methods;
    }
}
