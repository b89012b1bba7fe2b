package io.httpd.core.config;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every problem found in a configuration file, reported together. The message is one
 * {@link ConfigError#format() formatted} error a line.
 */
public final class ConfigErrors extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<ConfigError> errors;

    /** @param errors at least one error, in the order to report them */
    public ConfigErrors(List<ConfigError> errors) {
        List<ConfigError> copy = List.copyOf(errors);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("no errors");
        }
        super(copy.stream().map(ConfigError::format).collect(Collectors.joining("\n")));
        this.errors = copy;
    }

    /** Errors gathered in several passes, put in file order: by line (stable), no line last. */
    public static ConfigErrors inFileOrder(List<ConfigError> errors) {
        return new ConfigErrors(errors.stream().sorted(Comparator.comparingInt(
                (ConfigError e) -> e.line() == 0 ? Integer.MAX_VALUE : e.line())).toList());
    }

    /** The errors, in file order where lines are known, then those without a line. */
    public List<ConfigError> errors() {
        return errors;
    }
}
