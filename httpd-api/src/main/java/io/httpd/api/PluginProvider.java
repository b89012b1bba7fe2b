package io.httpd.api;

/**
 * Finds a plugin: an id, the name httpd.toml uses, and a factory. Each service type has its own
 * provider interface so that {@code ServiceLoader} can find it; a plugin module declares it with
 * {@code provides io.httpd.api.RouteHandlerProvider with my.plugin.MyProvider;}.
 *
 * <p>The shortest provider extends its kind's {@code Base} class
 * ({@link RouteHandlerProvider.Base}, {@link RequestValidatorProvider.Base},
 * {@link AccessLogSinkProvider.Base}, {@link TlsProviderProvider.Base}) and hands the id and a
 * {@link PluginFactory} to its constructor; implementing {@link #id()} and {@link #create}
 * yourself works the same.
 *
 * <p>The public no-argument constructor must have no side effects: providers are instantiated
 * by {@code --list-plugins} and {@code -t} too.
 *
 * @param <T> the service type
 */
public interface PluginProvider<T extends PluginInstance> {
    /**
     * The id httpd.toml uses: lower case letters, digits, {@code -} and {@code _}. Two providers
     * of one service type with the same id stop start-up.
     */
    String id();

    /**
     * Creates one ready instance for one table of httpd.toml. Called on the main thread during
     * start-up (and by {@code -t}, which closes the instance at once).
     *
     * @param config the plugin's own keys of that table; every key must be read or it is
     *               reported as unknown. Throw {@link ConfigException} (see
     *               {@link PluginConfig#error}) for a bad value. To report every error of
     *               the table at once, the server calls the factory again without each key
     *               it refused (so that key's default applies) until it succeeds or refuses
     *               a key it cannot do without; the keys that last call did not read are
     *               reported as unknown. So read every key before you throw for a required
     *               one (one that is missing, or fails a check on the file system).
     * @param server a read-only view of the server, live for as long as the instance
     * @return the instance
     * @throws Exception any failure; start-up stops with this provider's id in the message
     */
    T create(PluginConfig config, ServerView server) throws Exception;
}
