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

    private LogCapture(Object logger, Object appender, Class<?> appenderType) {
        this.logger = logger;
        this.appender = appender;
        this.appenderType = appenderType;
    }

    public static LogCapture of(Class<?> type) {
        try {
            Object context = LoggerFactory.getILoggerFactory();
            Object logger = context.getClass().getMethod("getLogger", String.class)
                    .invoke(context, type.getName());
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

    private static Object call(Object target, String method) throws ReflectiveOperationException {
        return target.getClass().getMethod(method).invoke(target);
    }

    @Override
    public void close() {
        try {
            logger.getClass().getMethod("detachAppender", appenderType).invoke(logger, appender);
            setLevel(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
