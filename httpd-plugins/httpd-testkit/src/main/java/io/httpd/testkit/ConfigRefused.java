package io.httpd.testkit;

import java.util.List;

/**
 * The server would refuse this configuration: every problem, as {@code bin/httpd -t} reports
 * it. {@link #problems()} gives each as {@code key: reason}, the form to assert on; the message
 * gives one a line with the line number within the TOML the test gave, when known
 * ({@code 2: route[0].repeat: must be 1 to 10}).
 */
public final class ConfigRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * One problem.
     *
     * @param line   the 1-based line within the test's TOML, or 0 when unknown or outside it
     * @param key    the key path, such as {@code route[0].repeat}; empty for the whole file
     * @param reason what is wrong
     */
    public record Problem(int line, String key, String reason) {
        /** {@code key: reason}, or the reason alone when there is no key. */
        @Override
        public String toString() {
            return key.isEmpty() ? reason : key + ": " + reason;
        }
    }

    private final transient List<Problem> problems;

    ConfigRefused(List<Problem> problems) {
        super(String.join("\n", problems.stream()
                .map(p -> p.line() > 0 ? p.line() + ": " + p : p.toString()).toList()));
        this.problems = List.copyOf(problems);
    }

    /** Each problem as {@code key: reason}, in the order the server reports them. */
    public List<String> problems() {
        return problems.stream().map(Problem::toString).toList();
    }

    /** The problems with their lines. */
    public List<Problem> details() {
        return problems;
    }
}
