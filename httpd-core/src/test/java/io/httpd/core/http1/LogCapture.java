package io.httpd.core.http1;

import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

import java.util.ArrayList;
import java.util.List;

/**
 * Records what one class logs, as {@code LEVEL event key=value ...} lines, so a test can assert
 * that an event was logged and how often. It attaches a logback ListAppender to the class's
 * logger by reflection: logback is the runtime binding of slf4j, not on the test compile path.
 * Only events at or above the logger's effective level are seen (WARN in the tests).
 */
public final class LogCapture implements AutoCloseable {
    private final Object logger;
    private final Object appender;
    private final Class<?> appenderType;
    private String levelAfter; // the level close() restores; null: inherited

    private LogCapture(Object logger, Object appender, Class<?> appenderType) {
        this.logger = logger;
        this.appender = appender;
        this.appenderType = appenderType;
    }

    public static LogCapture of(Class<?> type) {
        return of(type.getName());
    }

    /**
     * Records every event of every logger, TRACE and up, until closed (the root logger's level
     * is restored then).
     */
    public static LogCapture all() {
        LogCapture capture = of(org.slf4j.Logger.ROOT_LOGGER_NAME);
        try {
            capture.levelAfter = String.valueOf(call(capture.logger, "getLevel"));
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
        capture.setLevel("TRACE");
        return capture;
    }

    private static LogCapture of(String name) {
        try {
            Object context = LoggerFactory.getILoggerFactory();
            Object logger = context.getClass().getMethod("getLogger", String.class)
                    .invoke(context, name);
            Class<?> listType = Class.forName("ch.qos.logback.core.read.ListAppender");
            Object appender = listType.getConstructor().newInstance();
            listType.getMethod("setContext", Class.forName("ch.qos.logback.core.Context"))
                    .invoke(appender, context);
            listType.getMethod("start").invoke(appender);
            Class<?> appenderType = Class.forName("ch.qos.logback.core.Appender");
            logger.getClass().getMethod("addAppender", appenderType).invoke(logger, appender);
            return new LogCapture(logger, appender, appenderType);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("slf4j is not bound to logback in the tests", e);
        }
    }

    /** Also records DEBUG events of the class (until closed). */
    LogCapture debug() {
        setLevel("DEBUG");
        return this;
    }

    private void setLevel(String name) {
        try {
            Class<?> levelType = Class.forName("ch.qos.logback.classic.Level");
            Object level = name == null ? null : levelType.getField(name).get(null);
            logger.getClass().getMethod("setLevel", levelType).invoke(logger, level);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** Every event so far, as {@code LEVEL event key=value ...}. */
    public List<String> events() {
        List<String> lines = new ArrayList<>();
        synchronized (appender) { // ListAppender appends under this lock
            try {
                for (Object event : (List<?>) appender.getClass().getField("list").get(appender)) {
                    StringBuilder line = new StringBuilder();
                    line.append(call(event, "getLevel")).append(' ').append(call(event, "getMessage"));
                    Object pairs = call(event, "getKeyValuePairs");
                    if (pairs != null) {
                        for (Object p : (List<?>) pairs) {
                            KeyValuePair kv = (KeyValuePair) p;
                            line.append(' ').append(kv.key).append('=').append(kv.value);
                        }
                    }
                    lines.add(line.toString());
                }
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
        return lines;
    }

    /**
     * Every event so far in full: the message with its arguments, the key-values, and each
     * exception's class and message down its causes; one per line.
     */
    public String text() {
        StringBuilder text = new StringBuilder();
        synchronized (appender) {
            try {
                for (Object event : (List<?>) appender.getClass().getField("list").get(appender)) {
                    text.append(call(event, "getFormattedMessage"));
                    Object pairs = call(event, "getKeyValuePairs");
                    if (pairs != null) {
                        ((List<?>) pairs).forEach(p -> text.append(' ').append(p));
                    }
                    for (Object t = call(event, "getThrowableProxy"); t != null;
                            t = call(t, "getCause")) {
                        text.append(' ').append(call(t, "getClassName")).append(": ")
                                .append(call(t, "getMessage"));
                    }
                    text.append('\n');
                }
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
        return text.toString();
    }

    private static Object call(Object target, String method) throws ReflectiveOperationException {
        return target.getClass().getMethod(method).invoke(target);
    }

    @Override
    public void close() {
        try {
            logger.getClass().getMethod("detachAppender", appenderType).invoke(logger, appender);
            setLevel(levelAfter);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
