package io.httpd.core.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A whole httpd.toml, checked: everything the core reads itself is valid (when it comes from
 * {@link ConfigLoader#read} with errors, only what could be read is here); plugin tables are
 * still to be checked by their plugins (report their errors through {@link #source()}).
 *
 * @param file       the file, as it was given
 * @param server     {@code [server]}
 * @param listeners  {@code [[listen]]}, at least one, in file order
 * @param tls        {@code [tls.NAME]} by name, in file order
 * @param limits     {@code [limits]}
 * @param routes     {@code [[route]]}, in file order, paths unique
 * @param validators {@code [[validator]]}, in file order (the order they run in)
 * @param accessLogs {@code [[access_log]]}, in file order
 * @param admin      {@code [admin]}, or null when the table is absent (no admin listener)
 * @param source     the file's text, to find the line of a key in later errors
 */
public record HttpdConfig(Path file, ServerSettings server, List<Listener> listeners,
                          Map<String, PluginTable> tls, Limits limits, List<Route> routes,
                          List<PluginTable> validators, List<PluginTable> accessLogs,
                          AdminSettings admin, ConfigSource source) {

    public HttpdConfig {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(source, "source");
        listeners = List.copyOf(listeners);
        tls = Collections.unmodifiableMap(new LinkedHashMap<>(tls));
        routes = List.copyOf(routes);
        validators = List.copyOf(validators);
        accessLogs = List.copyOf(accessLogs);
    }
}
