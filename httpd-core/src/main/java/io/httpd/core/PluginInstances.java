package io.httpd.core;

import io.httpd.api.AccessLogSink;
import io.httpd.api.ConfigException;
import io.httpd.api.Method;
import io.httpd.api.PluginInstance;
import io.httpd.api.PluginProvider;
import io.httpd.api.RequestValidator;
import io.httpd.api.RouteHandler;
import io.httpd.api.ServerView;
import io.httpd.api.TlsProvider;
import io.httpd.core.config.ConfigError;
import io.httpd.core.config.ConfigSource;
import io.httpd.core.config.HttpdConfig;
import io.httpd.core.config.PluginTable;
import io.httpd.core.config.Route;
import io.httpd.core.config.Suggestion;
import io.httpd.core.config.TableConfig;
import io.httpd.core.event.Events;
import io.httpd.core.http1.Http1Context;
import io.httpd.core.http1.RouteTable;
import io.httpd.core.plugin.PluginKind;
import io.httpd.core.plugin.PluginRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
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
    /** The keys with an error already, the core's included: one error per key. */
    private final Set<String> reported = new HashSet<>();
    private final List<Named> created = new ArrayList<>();
    final List<RouteTable.Route> routes = new ArrayList<>();
    final List<Http1Context.Validator> validators = new ArrayList<>();
    final List<AccessLogSink> sinks = new ArrayList<>();
    final List<String> sinkIds = new ArrayList<>();
    /** By the name of their {@code [tls.NAME]} table. */
    final Map<String, TlsProvider> tls = new HashMap<>();

    /** An instance, what it was made of, and whether a reload carried it over. */
    private record Named(String id, PluginInstance instance, Carry key, boolean carried) {
    }

    /** What makes two instances the same: the provider (so its jar) and the table's content. */
    record Carry(PluginKind kind, PluginProvider<?> provider, String table) {
    }

    /** Instances of the previous generation, by what they were made of, to carry over. */
    private final Map<Carry, java.util.Deque<PluginInstance>> carry = new HashMap<>();

    private PluginInstances(HttpdConfig config, PluginRegistry registry, ServerView server) {
        this.config = config;
        this.registry = registry;
        this.server = server;
    }

    /** Creates every instance, or closes what was created and returns the errors. */
    static PluginInstances create(HttpdConfig config, PluginRegistry registry, ServerView server,
                                  List<ConfigError> errors) {
        return create(config, registry, server, errors, null);
    }

    /**
     * Creates every instance, carrying over those of {@code previous} made by the same provider
     * from a table of the same content (null: none); or closes what was created (never what
     * was carried) and returns the errors.
     */
    static PluginInstances create(HttpdConfig config, PluginRegistry registry, ServerView server,
                                  List<ConfigError> errors, PluginInstances previous) {
        PluginInstances p = new PluginInstances(config, registry, server);
        if (previous != null) {
            previous.created.forEach(n -> p.carry.computeIfAbsent(n.key(),
                    k -> new java.util.ArrayDeque<>()).add(n.instance()));
        }
        errors.forEach(e -> p.reported.add(e.key()));
        for (Route r : config.routes()) { // keys by table path: tables with errors are left out
            p.route(r, r.config().path());
        }
        for (PluginTable t : config.validators()) {
            RequestValidator v = p.instance(PluginKind.VALIDATOR, t,
                    t.config().fullKey("id"), RequestValidator.class);
            if (v != null) {
                p.validators.add(new Http1Context.Validator(t.id(), v));
            }
        }
        for (PluginTable t : config.accessLogs()) {
            AccessLogSink s = p.instance(PluginKind.ACCESS_LOG, t, t.config().fullKey("sink"),
                    AccessLogSink.class);
            if (s != null) {
                p.sinks.add(s);
                p.sinkIds.add(t.id());
            }
        }
        config.tls().forEach((name, t) -> {
            TlsProvider provider = p.instance(PluginKind.TLS, t, "tls." + name + ".provider",
                    TlsProvider.class);
            if (provider != null) {
                p.tls.put(name, provider);
            }
        });
        errors.addAll(p.errors);
        p.carry.clear(); // what was not carried over must not be kept alive by this generation
        return p;
    }

    private void route(Route r, String key) {
        RouteHandler handler = instance(PluginKind.ROUTE, new PluginTable(r.handler(), r.config()),
                key + ".handler", RouteHandler.class);
        if (handler == null) {
            return;
        }
        Set<Method> methods = Method.withHead(handler.methods());
        if (!r.methods().isEmpty()) {
            Set<Method> unknown = new TreeSet<>(java.util.Comparator.comparing(Method::name));
            unknown.addAll(r.methods());
            unknown.removeAll(methods);
            if (!unknown.isEmpty()) {
                report(source().error(key + ".methods", "handler '" + r.handler()
                        + "' does not answer " + unknown));
            }
            methods.retainAll(r.methods()); // config.Route already adds HEAD to a GET
        }
        long limit = r.bodyBytes() >= 0 ? r.bodyBytes() : config.limits().bodyBytes();
        routes.add(new RouteTable.Route(r.path(), r.handler(), handler, methods, limit));
    }

    /**
     * Creates the instance of one table, finding every error of it: a factory stops at the
     * first bad value, so it is called again without each key it refused (that key's default
     * then applies) until it succeeds or fails on a key it needs. The keys the last call did
     * not read are unknown. An instance created without a refused key is closed with the rest,
     * as the config has errors.
     */
    private <T extends PluginInstance> T instance(PluginKind kind, PluginTable table,
                                                  String idKey, Class<T> type) {
        var found = registry.find(kind, table.id());
        if (found.isEmpty()) {
            report(source().error(idKey, "no " + kind.noun() + " '" + table.id() + "'"
                    + Suggestion.didYouMean(table.id(), registry.ids(kind), "'")
                    + "; available: " + available(kind)));
            return null;
        }
        PluginProvider<?> provider = found.get().provider();
        Carry made = new Carry(kind, provider, table.config().content());
        PluginInstance kept = carry.getOrDefault(made, new java.util.ArrayDeque<>()).poll();
        if (kept != null) { // checked when it was created from the same table
            created.add(new Named(table.id(), kept, made, true));
            return type.cast(kept);
        }
        Set<String> refused = new LinkedHashSet<>(); // a value the core refused is not passed on
        table.config().keys().stream().filter(k -> reported.contains(table.config().fullKey(k)))
                .forEach(refused::add);
        while (true) {
            TableConfig tc = table.config().without(refused);
            try {
                T instance = type.cast(provider.create(tc, server));
                created.add(new Named(table.id(), instance, made, false));
                unknownKeys(tc);
                return instance;
            } catch (ConfigException e) {
                report(source().error(e));
                String key = ownKey(tc, e.key());
                if (key == null || !refused.add(key)) {
                    unknownKeys(tc);
                    return null;
                }
            } catch (Exception | LinkageError e) {
                report(source().error(idKey, kind.noun() + " '" + table.id() + "' failed: " + e));
                unknownKeys(tc);
                return null;
            }
        }
    }

    /** The key of this table an error is about ({@code root} for {@code route[2].root}). */
    private static String ownKey(TableConfig table, String errorKey) {
        String prefix = table.path().isEmpty() ? "" : table.path() + ".";
        if (!errorKey.startsWith(prefix)) {
            return null;
        }
        String rest = errorKey.substring(prefix.length());
        int end = rest.length();
        for (char c : new char[] {'.', '['}) {
            int at = rest.indexOf(c);
            end = at > 0 ? Math.min(end, at) : end;
        }
        String key = rest.substring(0, end);
        return table.keys().contains(key) ? key : null;
    }

    private void unknownKeys(TableConfig table) {
        for (String unread : new TreeSet<>(table.unreadKeys())) {
            report(source().error(table.fullKey(unread),
                    Suggestion.unknownKey(unread, table.readKeys())));
        }
    }

    private void report(ConfigError error) {
        if (reported.add(error.key())) {
            errors.add(error);
        }
    }

    private String available(PluginKind kind) {
        List<String> ids = registry.ids(kind);
        return ids.isEmpty() ? "(none)" : String.join(", ", ids);
    }

    private ConfigSource source() {
        return config.source();
    }

    /**
     * SIGHUP: reload each instance (only those carried over, when {@code carriedOnly}); a
     * failure is logged and the others go on.
     *
     * @return the ids of the instances whose reload failed
     */
    List<String> reload(boolean carriedOnly) {
        List<String> failed = new ArrayList<>();
        for (Named n : created) {
            if (carriedOnly && !n.carried()) {
                continue;
            }
            try {
                n.instance().reload();
            } catch (Exception e) {
                failed.add(n.id());
                LOG.atError().setMessage(Events.PLUGIN_ERROR).addKeyValue("id", n.id())
                        .addKeyValue("phase", "reload").setCause(e).log();
            }
        }
        return failed;
    }

    /** Every instance, in order of creation, those carried over included. */
    List<PluginInstance> instances() {
        return created.stream().map(Named::instance).toList();
    }

    /** How many instances were carried over from the previous generation. */
    int carried() {
        return (int) created.stream().filter(Named::carried).count();
    }

    /** Closes every instance it created (not those carried over) in reverse order. */
    @Override
    public void close() {
        close(created.stream().filter(n -> !n.carried()).map(Named::instance).toList());
    }

    /** Closes these of its instances, in reverse order of creation. */
    void close(java.util.Collection<PluginInstance> which) {
        for (Named n : created.reversed()) {
            if (!which.contains(n.instance())) {
                continue;
            }
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
