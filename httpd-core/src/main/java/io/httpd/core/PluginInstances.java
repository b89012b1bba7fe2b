package io.httpd.core;

import io.httpd.api.AccessLogSink;
import io.httpd.api.ConfigException;
import io.httpd.api.Method;
import io.httpd.api.PluginInstance;
import io.httpd.api.PluginProvider;
import io.httpd.api.RequestValidator;
import io.httpd.api.RouteHandler;
import io.httpd.api.ServerView;
import io.httpd.core.config.ConfigError;
import io.httpd.core.config.ConfigSource;
import io.httpd.core.config.HttpdConfig;
import io.httpd.core.config.PluginTable;
import io.httpd.core.config.Route;
import io.httpd.core.config.Suggestion;
import io.httpd.core.config.TableConfig;
import io.httpd.core.http1.Http1Context;
import io.httpd.core.http1.RouteTable;
import io.httpd.core.plugin.PluginKind;
import io.httpd.core.plugin.PluginRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The plugin instances httpd.toml asks for, created in file order (routes, validators,
 * access-log sinks), with every problem collected as a {@link ConfigError}: an id no plugin
 * provides, a bad value, an unknown key, a factory that threw. Owns the instances' reload and
 * close (in reverse order of creation).
 */
final class PluginInstances implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PluginInstances.class);

    private final HttpdConfig config;
    private final PluginRegistry registry;
    private final ServerView server;
    private final List<ConfigError> errors = new ArrayList<>();
    private final List<Named> created = new ArrayList<>();
    final List<RouteTable.Route> routes = new ArrayList<>();
    final List<Http1Context.Validator> validators = new ArrayList<>();
    final List<AccessLogSink> sinks = new ArrayList<>();

    private record Named(String id, PluginInstance instance) {
    }

    private PluginInstances(HttpdConfig config, PluginRegistry registry, ServerView server) {
        this.config = config;
        this.registry = registry;
        this.server = server;
    }

    /** Creates every instance, or closes what was created and returns the errors. */
    static PluginInstances create(HttpdConfig config, PluginRegistry registry, ServerView server,
                                  List<ConfigError> errors) {
        PluginInstances p = new PluginInstances(config, registry, server);
        for (int i = 0; i < config.routes().size(); i++) {
            p.route(config.routes().get(i), "route[" + i + "]");
        }
        for (int i = 0; i < config.validators().size(); i++) {
            PluginTable t = config.validators().get(i);
            RequestValidator v = p.instance(PluginKind.VALIDATOR, t, "validator[" + i + "].id",
                    RequestValidator.class);
            if (v != null) {
                p.validators.add(new Http1Context.Validator(t.id(), v));
            }
        }
        for (int i = 0; i < config.accessLogs().size(); i++) {
            AccessLogSink s = p.instance(PluginKind.ACCESS_LOG, config.accessLogs().get(i),
                    "access_log[" + i + "].sink", AccessLogSink.class);
            if (s != null) {
                p.sinks.add(s);
            }
        }
        config.tls().forEach((name, t) -> p.instance(PluginKind.TLS, t, "tls." + name + ".provider",
                io.httpd.api.TlsProvider.class));
        errors.addAll(p.errors);
        return p;
    }

    private void route(Route r, String key) {
        RouteHandler handler = instance(PluginKind.ROUTE, new PluginTable(r.handler(), r.config()),
                key + ".handler", RouteHandler.class);
        if (handler == null) {
            return;
        }
        Set<Method> methods = withHead(handler.methods());
        if (!r.methods().isEmpty()) {
            Set<Method> unknown = new TreeSet<>(java.util.Comparator.comparing(Method::name));
            unknown.addAll(r.methods());
            unknown.removeAll(methods);
            if (!unknown.isEmpty()) {
                errors.add(source().error(key + ".methods", "handler '" + r.handler()
                        + "' does not answer " + unknown));
            }
            methods.retainAll(r.methods()); // config.Route already adds HEAD to a GET
        }
        long limit = r.bodyBytes() >= 0 ? r.bodyBytes() : config.limits().bodyBytes();
        routes.add(new RouteTable.Route(r.path(), r.handler(), handler, methods, limit));
    }

    private static Set<Method> withHead(Set<Method> methods) {
        Set<Method> set = new HashSet<>(methods);
        if (set.contains(Method.GET)) {
            set.add(Method.HEAD);
        }
        return set;
    }

    private <T extends PluginInstance> T instance(PluginKind kind, PluginTable table,
                                                  String idKey, Class<T> type) {
        var found = registry.find(kind, table.id());
        if (found.isEmpty()) {
            errors.add(source().error(idKey, "no " + kind.noun() + " '" + table.id() + "'"
                    + Suggestion.didYouMean(table.id(), registry.ids(kind), "'")
                    + "; available: " + available(kind)));
            return null;
        }
        TableConfig tc = table.config();
        try {
            PluginProvider<?> provider = found.get().provider();
            T instance = type.cast(provider.create(tc, server));
            created.add(new Named(table.id(), instance));
            for (String unread : new TreeSet<>(tc.unreadKeys())) {
                errors.add(source().error(tc.fullKey(unread),
                        Suggestion.unknownKey(unread, tc.readKeys())));
            }
            return instance;
        } catch (ConfigException e) {
            errors.add(source().error(e));
        } catch (Exception | LinkageError e) {
            errors.add(source().error(idKey, kind.noun() + " '" + table.id() + "' failed: " + e));
        }
        return null;
    }

    private String available(PluginKind kind) {
        List<String> ids = registry.ids(kind);
        return ids.isEmpty() ? "(none)" : String.join(", ", ids);
    }

    private ConfigSource source() {
        return config.source();
    }

    /** SIGHUP: reload each instance; a failure is logged and the others go on. */
    void reload() {
        for (Named n : created) {
            try {
                n.instance().reload();
            } catch (Exception e) {
                LOG.atError().setMessage(Events.PLUGIN_ERROR).addKeyValue("id", n.id())
                        .addKeyValue("phase", "reload").setCause(e).log();
            }
        }
    }

    /** Closes every instance in reverse order of creation. */
    @Override
    public void close() {
        for (Named n : created.reversed()) {
            try {
                n.instance().close();
            } catch (Exception e) {
                LOG.atError().setMessage(Events.PLUGIN_ERROR).addKeyValue("id", n.id())
                        .addKeyValue("phase", "close").setCause(e).log();
            }
        }
    }

    int count() {
        return created.size();
    }
}
