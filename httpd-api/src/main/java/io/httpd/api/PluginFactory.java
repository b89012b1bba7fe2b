package io.httpd.api;

/**
 * What {@link PluginProvider#create} does, as a lambda or a method reference: the factory a
 * provider's {@code Base} class ({@link RouteHandlerProvider.Base} and its like) is made with,
 * such as {@code (config, server) -> new EchoHandler()}.
 *
 * @param <T> the service type
 */
@FunctionalInterface
public interface PluginFactory<T extends PluginInstance> {
    /**
     * Creates one ready instance for one table of httpd.toml, with the contract of
     * {@link PluginProvider#create}.
     *
     * @param config the plugin's own keys of that table
     * @param server a read-only view of the server
     * @return the instance
     * @throws Exception any failure; start-up stops with the provider's id in the message
     */
    T create(PluginConfig config, ServerView server) throws Exception;
}
