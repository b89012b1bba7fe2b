package io.httpd.core.plugin;

import io.httpd.api.AccessLogSinkProvider;
import io.httpd.api.PluginProvider;
import io.httpd.api.RequestValidatorProvider;
import io.httpd.api.RouteHandlerProvider;
import io.httpd.api.TlsProviderProvider;

/** The four service types, with the name each has in httpd.toml and in listings. */
public enum PluginKind {
    ROUTE("route", "route handler", RouteHandlerProvider.class),
    VALIDATOR("validator", "request validator", RequestValidatorProvider.class),
    ACCESS_LOG("access_log", "access-log sink", AccessLogSinkProvider.class),
    TLS("tls", "TLS provider", TlsProviderProvider.class);

    private final String key;
    private final String noun;
    private final Class<? extends PluginProvider<?>> service;

    PluginKind(String key, String noun, Class<? extends PluginProvider<?>> service) {
        this.key = key;
        this.noun = noun;
        this.service = service;
    }

    /** The name in httpd.toml and in {@code --list-plugins}: route, validator, ... */
    public String key() {
        return key;
    }

    /** What to call one in a message: "route handler", ... */
    public String noun() {
        return noun;
    }

    /** The provider interface ServiceLoader looks for. */
    public Class<? extends PluginProvider<?>> service() {
        return service;
    }
}
