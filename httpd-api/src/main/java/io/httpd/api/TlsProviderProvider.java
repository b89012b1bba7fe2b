package io.httpd.api;

/** Finds a {@link TlsProvider}; its {@link #id()} is what the {@code provider} key of a
 * {@code [tls.<name>]} table names in httpd.toml. */
public interface TlsProviderProvider extends PluginProvider<TlsProvider> {
}
