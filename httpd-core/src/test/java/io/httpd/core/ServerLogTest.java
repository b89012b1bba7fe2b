package io.httpd.core;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The server log built in code: conf/logback.xml.example's loggers, levels and formats. */
class ServerLogTest {
    @Test
    void httpdsLoggersByClassNameTheRestByFullNameAtInfo() {
        LoggerContext context = configuredWithLevel(null);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        Logger httpd = context.getLogger("io.httpd");
        assertEquals(Level.INFO, root.getLevel());
        assertEquals(ServerLog.OTHER_PATTERN, pattern(root, "console"));
        assertEquals(ServerLog.HTTPD_PATTERN, pattern(httpd, "httpd"));
        assertFalse(httpd.isAdditive(), "httpd's events are written once");
        assertNull(httpd.getAppender("console"));
        assertEquals(Level.INFO, context.getLogger("java.lang.Runtime").getLevel(),
                "no System.exit DEBUG trace");
    }

    /** Main sets httpd.log.level to WARN for -t, --list-plugins and -v. */
    @Test
    void httpdLogLevelSetsTheRootLevel() {
        assertEquals(Level.WARN, configuredWithLevel("WARN").getLogger(Logger.ROOT_LOGGER_NAME)
                .getLevel());
    }

    /** The tests' logback-test.xml is visible here: a logback XML file always wins. */
    @Test
    void stepsAsideForALogbackXml() {
        LoggerContext context = new LoggerContext();
        assertEquals(ExecutionStatus.INVOKE_NEXT_IF_ANY, new ServerLog().configure(context));
        assertNull(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("console"));
    }

    /** A context ServerLog configured with the property httpd.log.level at LEVEL (null: unset). */
    private static LoggerContext configuredWithLevel(String level) {
        String before = System.getProperty("httpd.log.level");
        set(level);
        try {
            LoggerContext context = new LoggerContext();
            ServerLog.apply(context);
            return context;
        } finally {
            set(before);
        }
    }

    private static void set(String level) {
        if (level == null) {
            System.clearProperty("httpd.log.level");
        } else {
            System.setProperty("httpd.log.level", level);
        }
    }

    private static String pattern(Logger logger, String appender) {
        ConsoleAppender<?> console = (ConsoleAppender<?>) logger.getAppender(appender);
        return ((PatternLayoutEncoder) console.getEncoder()).getPattern();
    }
}
