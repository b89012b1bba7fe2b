package io.httpd.api;

import java.util.Objects;

/**
 * A bad value in httpd.toml. The server reports it as {@code FILE:LINE: key: reason}, finding
 * the file and line itself.
 */
public class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String key;
    private final String reason;

    /**
     * @param key    the full key path, such as {@code route[2].root}
     * @param reason what is wrong, for a person to read
     */
    public ConfigException(String key, String reason) {
        super(key + ": " + reason);
        this.key = Objects.requireNonNull(key, "key");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** The full key path. */
    public String key() {
        return key;
    }

    /** What is wrong. */
    public String reason() {
        return reason;
    }
}
