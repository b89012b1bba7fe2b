package io.httpd.api;

/** Finds a {@link RouteHandler}; its {@link #id()} is what the {@code handler} key of {@code [[route]]} names in httpd.toml. */
public interface RouteHandlerProvider extends PluginProvider<RouteHandler> {
    /**
     * A route-handler provider made of its id and its factory. A plugin extends it with a
     * public no-argument constructor that does nothing else:
     * <pre>{@code
     * public final class EchoProvider extends RouteHandlerProvider.Base {
     *     public EchoProvider() {
     *         super("echo", (config, server) -> new EchoHandler());
     *     }
     * }
     * }</pre>
     */
    abstract class Base extends IdAndFactory<RouteHandler> implements RouteHandlerProvider {
        /**
         * A provider with this id and factory.
         *
         * @param id      the id httpd.toml uses
         * @param factory what {@link #create} does
         */
        protected Base(String id, PluginFactory<RouteHandler> factory) {
            super(id, factory);
        }
    }
}
