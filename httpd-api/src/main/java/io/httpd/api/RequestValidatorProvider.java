package io.httpd.api;

/** Finds a {@link RequestValidator}; its {@link #id()} is what the {@code id} key of {@code [[validator]]} names in httpd.toml. */
public interface RequestValidatorProvider extends PluginProvider<RequestValidator> {
}
