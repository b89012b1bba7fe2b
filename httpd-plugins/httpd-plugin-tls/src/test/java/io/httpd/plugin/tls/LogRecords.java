package io.httpd.plugin.tls;

import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;

/** A System.Logger that keeps what it is given, formatted, one line per record. */
final class LogRecords implements System.Logger {
    private final List<String> lines = new CopyOnWriteArrayList<>();

    /** How many lines start with this event name. */
    long count(String event) {
        return lines.stream().filter(l -> l.startsWith(event + " ")).count();
    }

    @Override
    public String getName() {
        return "test";
    }

    @Override
    public boolean isLoggable(Level level) {
        return true;
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
        lines.add(msg);
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        lines.add(params == null ? format : MessageFormat.format(format, params));
    }

    @Override
    public String toString() {
        return String.join("\n", lines);
    }
}
