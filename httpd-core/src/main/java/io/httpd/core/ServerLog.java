package io.httpd.core;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The server log's configuration when no logback.xml is given, built in code: what
 * conf/logback.xml.example spells out. Logback finds it as a service and runs it before its
 * own XML (Joran) configuration, which costs a start-up about 500 classes (an XML parser, bean
 * introspection, a generated proxy) and a good part of the time to the first response.
 * A logback.xml still wins: one named by {@code logback.configurationFile} (Main points it at
 * logback.xml beside httpd.toml, else in the image's conf/), or a logback-test.xml or
 * logback.xml on the module path (the tests'); then this steps aside.
 *
 * <p>Every JVM of the image runs it, bin/jcmd and bin/jfr too: their logging (System.Logger
 * reaches logback) is INFO, without System.exit's DEBUG stack trace.
 */
public final class ServerLog extends ContextAwareBase implements Configurator {
    static final String HTTPD_PATTERN =
            "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level %logger{0} %msg %kvp%n";
    static final String OTHER_PATTERN =
            "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level %logger %msg %kvp%n";

    /** For the ServiceLoader. */
    public ServerLog() {
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || visible("logback-test.xml") || visible("logback.xml")) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        apply(context);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Configures the context as conf/logback.xml.example does. */
    static void apply(LoggerContext context) {
        // httpd's own loggers by their class name alone; every other logger (a drop-in
        // plugin's System.Logger, say "example.greeting") by its full name
        Logger httpd = context.getLogger("io.httpd");
        httpd.setAdditive(false);
        httpd.addAppender(console(context, "httpd", HTTPD_PATTERN));
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.addAppender(console(context, "console", OTHER_PATTERN));
        // WARN when checking the config, listing plugins or printing the version (Main)
        root.setLevel(Level.toLevel(System.getProperty("httpd.log.level"), Level.INFO));
        // System.exit logs a stack trace at DEBUG: never wanted in the output
        context.getLogger("java.lang.Runtime").setLevel(Level.INFO);
    }

    private static boolean visible(String resource) {
        return ServerLog.class.getClassLoader().getResource(resource) != null;
    }

    private static ConsoleAppender<ILoggingEvent> console(LoggerContext context, String name,
                                                          String pattern) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.start();
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName(name);
        appender.setEncoder(encoder);
        appender.start();
        return appender;
    }
}
