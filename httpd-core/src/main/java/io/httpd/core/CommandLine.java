package io.httpd.core;

import java.nio.file.Path;

/**
 * The parsed command line (README.md "Command line").
 *
 * @param mode   what to do
 * @param config the {@code -c} file, or null when not given
 * @param folder the {@code --dev-cert} folder, or null
 */
record CommandLine(Mode mode, Path config, Path folder) {
    enum Mode { RUN, CHECK, LIST_PLUGINS, VERSION, HELP, DEV_CERT }

    static final String USAGE = """
            usage: httpd -c FILE                 run in the foreground
                   httpd -t -c FILE              check the config and plugins; exit 0 or 2
                   httpd --list-plugins [-c FILE] list every plugin provider found
                   httpd --dev-cert DIR          write DIR/server.crt and DIR/server.key,
                                                 self-signed for localhost (development only)
                   httpd -v                      print the version
            exit codes: 0 ok, 1 runtime failure, 2 bad config, plugin or usage""";

    /** Parses the arguments; an IllegalArgumentException says what is wrong. */
    static CommandLine parse(String[] args) {
        Mode mode = Mode.RUN;
        Path config = null;
        Path folder = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "-c", "--config" -> {
                    if (++i == args.length) {
                        throw new IllegalArgumentException(args[i - 1] + " needs a FILE");
                    }
                    config = Path.of(args[i]);
                }
                case "-t", "--test" -> mode = Mode.CHECK;
                case "--dev-cert" -> {
                    if (++i == args.length) {
                        throw new IllegalArgumentException("--dev-cert needs a DIR");
                    }
                    mode = Mode.DEV_CERT;
                    folder = Path.of(args[i]);
                }
                case "--list-plugins" -> mode = Mode.LIST_PLUGINS;
                case "-v", "--version" -> mode = Mode.VERSION;
                case "-h", "--help" -> mode = Mode.HELP;
                default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
            }
        }
        if (config == null && (mode == Mode.RUN || mode == Mode.CHECK)) {
            throw new IllegalArgumentException("missing -c FILE");
        }
        return new CommandLine(mode, config, folder);
    }
}
