package io.httpd.api;

import java.util.Objects;

/**
 * A provider that is an id plus a {@link PluginFactory}: what the four {@code Base}
 * classes ({@link RouteHandlerProvider.Base} and its like) share.
 *
 * @param <T> the service type
 */
abstract class IdAndFactory<T extends PluginInstance> implements PluginProvider<T> {
    private final String id;
    private final PluginFactory<T> factory;

    IdAndFactory(String id, PluginFactory<T> factory) {
        this.id = Objects.requireNonNull(id, "id");
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    /** The id given to the constructor. */
    @Override
    public final String id() {
        return id;
    }

    /** Calls the factory given to the constructor; what it throws goes to the caller. */
    @Override
    public final T create(PluginConfig config, ServerView server) throws Exception {
        return factory.create(config, server);
    }
}
