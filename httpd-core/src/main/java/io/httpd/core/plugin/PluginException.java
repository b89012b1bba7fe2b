package io.httpd.core.plugin;

import java.util.List;

/** Plugins that cannot be loaded, one line each naming the jar (or "built-in") and reason. */
public final class PluginException extends Exception {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public PluginException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
