package io.httpd.core;

import io.httpd.api.ServerView.PluginInfo;
import io.httpd.core.config.ConfigError;
import io.httpd.core.config.ConfigErrors;
import io.httpd.core.config.ConfigLoader;
import io.httpd.core.config.LoadedConfig;
import io.httpd.core.plugin.PluginException;
import io.httpd.core.plugin.PluginRegistry;

import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line: {@code httpd -c FILE}, {@code -t}, {@code --list-plugins}, {@code -v}.
 * Exit codes: 0 ok, 1 runtime failure (a port in use, ...), 2 bad config, plugin or usage.
 */
public final class Main {
    static final int OK = 0;
    static final int RUNTIME_FAILURE = 1;
    static final int BAD_CONFIG = 2;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a command; returns the exit code. {@code -c FILE} alone serves until a signal. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cmd;
        try {
            cmd = CommandLine.parse(args);
        } catch (IllegalArgumentException e) {
            LoggingSetup.locate(null, false); // even System.exit logs (java.lang.Runtime)
            err.println("httpd: " + e.getMessage());
            err.println(CommandLine.USAGE);
            return BAD_CONFIG;
        }
        LoggingSetup.locate(cmd.config(), cmd.mode() == CommandLine.Mode.RUN);
        return switch (cmd.mode()) {
            case HELP -> print(out, CommandLine.USAGE);
            case VERSION -> print(out, "httpd " + Version.current() + "\nJava "
                    + Version.runtime());
            case LIST_PLUGINS -> listPlugins(cmd.config(), out, err);
            case CHECK -> check(cmd.config(), out, err);
            case DEV_CERT -> DevCertificate.write(cmd.folder(), out, err);
            case RUN -> serve(cmd.config(), err);
        };
    }

    private static int print(PrintStream out, String text) {
        out.println(text);
        return OK;
    }

    /**
     * With -c, the plugins folder of that config (whose other errors do not matter here);
     * without, the image's plugins/.
     */
    private static int listPlugins(Path file, PrintStream out, PrintStream err) {
        try {
            Path dir = file == null ? Path.of(System.getProperty("java.home"), "plugins")
                    : pluginsDir(ConfigLoader.read(file));
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("KIND", "ID", "MODULE", "SOURCE"));
            for (PluginRegistry.Found f : PluginRegistry.discover(dir).all()) {
                PluginInfo i = f.info();
                String module = i.version().isEmpty() ? i.module() : i.module() + "@" + i.version();
                rows.add(List.of(i.kind(), i.id(), module, i.source()));
            }
            Columns.print(rows, out);
            return OK;
        } catch (ConfigErrors | PluginException e) {
            return refuse(e, err);
        }
    }

    private static Path pluginsDir(LoadedConfig loaded) throws ConfigErrors {
        List<ConfigError> server = loaded.errors().stream()
                .filter(e -> e.key().equals("server") || e.key().equals("server.plugins_dir"))
                .toList();
        if (!server.isEmpty()) {
            throw new ConfigErrors(server);
        }
        return loaded.config().server().pluginsDir();
    }

    private static int check(Path file, PrintStream out, PrintStream err) {
        try {
            Httpd httpd = load(file);
            httpd.certificates().forEach(out::println);
            httpd.discard();
            out.println(file + ": ok (" + count(httpd.view().routes().size(), "route") + ", "
                    + count(httpd.instanceCount(), "plugin instance") + ", "
                    + count(httpd.view().plugins().size(), "plugin") + " found)");
            return OK;
        } catch (ConfigErrors | PluginException e) {
            return refuse(e, err);
        }
    }

    /** {@code 1 route}, {@code 2 routes}. */
    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static int serve(Path file, PrintStream err) {
        Httpd httpd;
        try {
            httpd = load(file);
        } catch (ConfigErrors | PluginException e) {
            return refuse(e, err);
        }
        Lifecycle lifecycle = new Lifecycle(httpd);
        lifecycle.install();
        try {
            httpd.start();
        } catch (BindException e) {
            httpd.discard();
            err.println("httpd: " + e.getMessage());
            return RUNTIME_FAILURE;
        } catch (IOException e) {
            httpd.discard();
            err.println("httpd: cannot start: " + e);
            return RUNTIME_FAILURE;
        }
        return lifecycle.awaitStop();
    }

    /** Prints every problem of a bad config or plugin, one a line; the exit code is 2. */
    private static int refuse(Exception e, PrintStream err) {
        List<String> lines = e instanceof ConfigErrors c
                ? c.errors().stream().map(ConfigError::format).toList()
                : ((PluginException) e).problems();
        lines.forEach(err::println);
        return BAD_CONFIG;
    }

    /** Every error at once: the core's keys, the plugins folder, each plugin's table. */
    private static Httpd load(Path file) throws ConfigErrors, PluginException {
        LoadedConfig loaded = ConfigLoader.read(file);
        PluginRegistry registry;
        try {
            registry = PluginRegistry.discover(loaded.config().server().pluginsDir());
        } catch (PluginException e) {
            List<String> problems = new ArrayList<>();
            loaded.errors().forEach(c -> problems.add(c.format()));
            problems.addAll(e.problems());
            throw new PluginException(problems);
        }
        return Httpd.create(loaded, registry);
    }

    /** Points logback at logback.xml beside httpd.toml, else in the image's conf/. */
    static final class LoggingSetup {
        private LoggingSetup() {
        }

        static void locate(Path configFile, boolean serving) {
            if (!serving && System.getProperty("httpd.log.level") == null) {
                System.setProperty("httpd.log.level", "WARN");
            }
            if (System.getProperty("logback.configurationFile") != null) {
                return;
            }
            Path folder = configFile == null ? null : configFile.toAbsolutePath().getParent();
            Path beside = folder == null ? null : folder.resolve("logback.xml");
            Path image = Path.of(System.getProperty("java.home"), "conf", "logback.xml");
            for (Path candidate : new Path[] {beside, image}) {
                if (candidate != null && Files.isRegularFile(candidate)) {
                    System.setProperty("logback.configurationFile", candidate.toString());
                    return;
                }
            }
        }
    }
}
