package io.httpd.api;

/** Finds a {@link RequestValidator}; its {@link #id()} is what the {@code id} key of {@code [[validator]]} names in httpd.toml. */
public interface RequestValidatorProvider extends PluginProvider<RequestValidator> {
    /**
     * A validator provider made of its id and its factory, extended as
     * {@link RouteHandlerProvider.Base} is.
     */
    abstract class Base extends IdAndFactory<RequestValidator> implements RequestValidatorProvider {
        /**
         * A provider with this id and factory.
         *
         * @param id      the id httpd.toml uses
         * @param factory what {@link #create} does
         */
        protected Base(String id, PluginFactory<RequestValidator> factory) {
            super(id, factory);
        }
    }
}
