package io.httpd.core.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Replaces {@code ${NAME}} and {@code ${NAME:-default}} in string values from the environment.
 * As in the shell, the default applies when the variable is unset or empty; an unset variable
 * without a default is an error. A {@code $} not followed by {@code {} is kept as it is.
 */
final class EnvSubstitution {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Map<String, String> env;

    EnvSubstitution(Map<String, String> env) {
        this.env = Objects.requireNonNull(env, "env");
    }

    /**
     * Replaces every string in the tree in place, reporting each bad one under its key path.
     */
    void expandTree(ObjectNode table, String path, ErrorList errors) {
        for (String key : List.copyOf(table.propertyNames())) {
            String keyPath = path.isEmpty() ? key : path + "." + key;
            JsonNode value = table.get(key);
            if (value.isString()) {
                expandValue(value.stringValue(), keyPath, errors)
                        .ifPresent(s -> table.set(key, StringNode.valueOf(s)));
            } else {
                expandContainer(value, keyPath, errors);
            }
        }
    }

    private void expandArray(ArrayNode array, String path, ErrorList errors) {
        for (int i = 0; i < array.size(); i++) {
            String itemPath = path + "[" + i + "]";
            JsonNode value = array.get(i);
            if (value.isString()) {
                int index = i;
                expandValue(value.stringValue(), itemPath, errors)
                        .ifPresent(s -> array.set(index, StringNode.valueOf(s)));
            } else {
                expandContainer(value, itemPath, errors);
            }
        }
    }

    private void expandContainer(JsonNode value, String path, ErrorList errors) {
        if (value instanceof ObjectNode table) {
            expandTree(table, path, errors);
        } else if (value instanceof ArrayNode array) {
            expandArray(array, path, errors);
        }
    }

    private Optional<String> expandValue(String value, String path, ErrorList errors) {
        try {
            return Optional.of(expand(value));
        } catch (IllegalArgumentException e) {
            errors.add(path, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Returns the value with every reference replaced.
     *
     * @throws IllegalArgumentException naming the variable that is not set, or a malformed
     *                                  reference
     */
    String expand(String value) {
        int start = value.indexOf("${");
        if (start < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        int pos = 0;
        for (; start >= 0; start = value.indexOf("${", pos)) {
            int end = value.indexOf('}', start + 2);
            if (end < 0) {
                throw new IllegalArgumentException("unclosed \"${\" in \"" + value + "\"");
            }
            out.append(value, pos, start).append(lookup(value.substring(start + 2, end)));
            pos = end + 1;
        }
        return out.append(value, pos, value.length()).toString();
    }

    private String lookup(String reference) {
        int split = reference.indexOf(":-");
        String name = split < 0 ? reference : reference.substring(0, split);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "not an environment variable name: \"${" + reference + "}\"");
        }
        String value = env.get(name);
        if (split >= 0 && (value == null || value.isEmpty())) {
            return reference.substring(split + 2);
        }
        if (value == null) {
            throw new IllegalArgumentException("environment variable " + name + " is not set");
        }
        return value;
    }
}
