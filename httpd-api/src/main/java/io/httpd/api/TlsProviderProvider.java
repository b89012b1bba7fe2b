package io.httpd.api;

/** Finds a {@link TlsProvider}; its {@link #id()} is what the {@code provider} key of a
 * {@code [tls.<name>]} table names in httpd.toml. */
public interface TlsProviderProvider extends PluginProvider<TlsProvider> {
    /**
     * A TLS provider's provider made of its id and its factory, extended as
     * {@link RouteHandlerProvider.Base} is.
     */
    abstract class Base extends IdAndFactory<TlsProvider> implements TlsProviderProvider {
        /**
         * A provider with this id and factory.
         *
         * @param id      the id httpd.toml uses
         * @param factory what {@link #create} does
         */
        protected Base(String id, PluginFactory<TlsProvider> factory) {
            super(id, factory);
        }
    }
}
