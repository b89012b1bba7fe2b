package io.httpd.core.config;

import java.util.List;
import java.util.Objects;

/**
 * A file read as far as it goes: the errors of the core's own keys, and a config that holds every
 * table that could be read, so that the plugins' tables are checked in the same run (every error
 * of the file at once: httpd-core/README.md, "Start-up"). The config is fit to serve only when
 * there are no errors; with errors, a route whose path is wrong keeps its handler table under the
 * path {@code ""} so that the handler's keys are still checked, and a listener whose address is
 * wrong stays in the list with the host {@code ""} (so {@code listen[N]} is still the file's N).
 *
 * @param config the config, complete when {@code errors} is empty
 * @param errors the core's errors, in file order; empty when the core's keys are all good
 */
public record LoadedConfig(HttpdConfig config, List<ConfigError> errors) {

    public LoadedConfig {
        Objects.requireNonNull(config, "config");
        errors = List.copyOf(errors);
    }

    /** The config, or every error when there is one. */
    public HttpdConfig orThrow() throws ConfigErrors {
        if (!errors.isEmpty()) {
            throw new ConfigErrors(errors);
        }
        return config;
    }
}
