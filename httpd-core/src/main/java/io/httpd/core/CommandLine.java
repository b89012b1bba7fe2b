package io.httpd.core;

import java.nio.file.Path;

/**
 * The parsed command line (DESIGN.md "Distribution and command line").
 *
 * @param mode   what to do
 * @param config the {@code -c} file, or null when not given
 */
record CommandLine(Mode mode, Path config) {
    enum Mode { RUN, CHECK, LIST_PLUGINS, VERSION, HELP }

    static final String USAGE = """
            usage: httpd -c FILE                 run in the foreground
                   httpd -t -c FILE              check the config and plugins; exit 0 or 2
                   httpd --list-plugins [-c FILE] list every plugin provider found
                   httpd -v                      print the version
            exit codes: 0 ok, 1 runtime failure, 2 bad config, plugin or usage""";

    /** Parses the arguments; an IllegalArgumentException says what is wrong. */
    static CommandLine parse(String[] args) {
        Mode mode = Mode.RUN;
        Path config = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "-c", "--config" -> {
                    if (++i == args.length) {
                        throw new IllegalArgumentException(args[i - 1] + " needs a FILE");
                    }
                    config = Path.of(args[i]);
                }
                case "-t", "--test" -> mode = Mode.CHECK;
                case "--list-plugins" -> mode = Mode.LIST_PLUGINS;
                case "-v", "--version" -> mode = Mode.VERSION;
                case "-h", "--help" -> mode = Mode.HELP;
                default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
            }
        }
        if (config == null && (mode == Mode.RUN || mode == Mode.CHECK)) {
            throw new IllegalArgumentException("missing -c FILE");
        }
        return new CommandLine(mode, config);
    }
}
