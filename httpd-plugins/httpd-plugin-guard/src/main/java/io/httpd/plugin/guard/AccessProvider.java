package io.httpd.plugin.guard;

import io.httpd.api.Method;
import io.httpd.api.PluginConfig;
import io.httpd.api.RequestValidator;
import io.httpd.api.RequestValidatorProvider;
import io.httpd.api.ServerView;
import io.httpd.api.Status;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Provides validator {@code access}: see {@link AccessValidator}. */
public final class AccessProvider extends RequestValidatorProvider.Base {
    /** Creates the provider; no side effects. */
    public AccessProvider() {
        super("access", AccessProvider::validator);
    }

    private static RequestValidator validator(PluginConfig config, ServerView server) {
        AddressList deny = AddressList.read(config, "deny").orElse(new AddressList(List.of()));
        AddressList allow = AddressList.read(config, "allow").orElse(null);
        if (deny.size() == 0 && allow == null) {
            throw config.error("allow", "set allow or deny (or both): without either the table"
                    + " does nothing");
        }
        List<String> paths = config.strings("paths", List.of());
        for (String p : paths) {
            if (!p.startsWith("/")) {
                throw config.error("paths", "a path prefix starts with \"/\", not \"" + p + "\"");
            }
        }
        return new AccessValidator(deny, allow, methods(config), paths, Scope.read(config),
                status(config, "status", Status.FORBIDDEN));
    }

    private static Set<Method> methods(PluginConfig config) {
        Set<Method> methods = new HashSet<>();
        for (String name : config.strings("methods", List.of())) {
            try {
                methods.add(Method.of(name));
            } catch (IllegalArgumentException e) {
                throw config.error("methods", "not a method: \"" + name + "\"");
            }
        }
        if (methods.contains(Method.GET)) {
            methods.add(Method.HEAD); // as [[route]] methods: GET implies HEAD
        }
        return methods;
    }

    /** A 4xx or 5xx status from a key, or the default. */
    static Status status(PluginConfig config, String key, Status defaultStatus) {
        long code = config.integer(key, defaultStatus.code());
        if (code < 400 || code > 599) {
            throw config.error(key, "must be 400 to 599, not " + code);
        }
        return Status.of((int) code);
    }
}
