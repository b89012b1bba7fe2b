package io.httpd.api;

/** Finds a {@link AccessLogSink}; its {@link #id()} is what the {@code sink} key of {@code [[access_log]]} names in httpd.toml. */
public interface AccessLogSinkProvider extends PluginProvider<AccessLogSink> {
    /**
     * An access-log sink provider made of its id and its factory, extended as
     * {@link RouteHandlerProvider.Base} is.
     */
    abstract class Base extends IdAndFactory<AccessLogSink> implements AccessLogSinkProvider {
        /**
         * A provider with this id and factory.
         *
         * @param id      the id httpd.toml uses
         * @param factory what {@link #create} does
         */
        protected Base(String id, PluginFactory<AccessLogSink> factory) {
            super(id, factory);
        }
    }
}
