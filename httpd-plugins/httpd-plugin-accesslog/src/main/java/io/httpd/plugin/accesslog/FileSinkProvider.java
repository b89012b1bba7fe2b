package io.httpd.plugin.accesslog;

import io.httpd.api.AccessLogSink;
import io.httpd.api.AccessLogSinkProvider;
import io.httpd.api.PluginConfig;
import io.httpd.api.ServerView;

/**
 * Finds the {@code file} access-log sink: Apache httpd's Common or Combined Log Format, one
 * line per exchange, byte for byte as Apache writes it (see {@link #create}).
 *
 * <pre>
 * [[access_log]]
 * sink = "file"
 * path = "../logs/access.log"   # required; relative to httpd.toml's folder; opened to append
 * format = "combined"           # "common" | "combined" (default)
 * rotate_size = "100MiB"        # optional: rotate before the file would pass this size
 * rotate_daily = false          # rotate at the first line after local midnight
 * keep = 7                      # rotated files kept: access.log.1 (newest) ... access.log.7
 * flush_interval = "1s"         # longest a line waits in the buffer under steady load
 * </pre>
 *
 * <p>The file is reopened on SIGHUP (for logrotate's {@code create} and {@code copytruncate}).
 * A file that cannot be opened at start-up is a config error on {@code path}; a write that fails
 * later loses the lines buffered since the last write, and the file is opened again at the next
 * record.
 */
public final class FileSinkProvider implements AccessLogSinkProvider {
    /** The id httpd.toml uses. */
    public static final String ID = "file";

    /** Creates the provider; no side effects. */
    public FileSinkProvider() {
    }

    @Override
    public String id() {
        return ID;
    }

    /**
     * Reads {@code format} and the file keys, and opens the file.
     *
     * @throws io.httpd.api.ConfigException naming the key: an unknown format, a bad size or
     *                                      duration, or {@code path} when the file cannot be
     *                                      opened ({@code cannot open PATH: REASON})
     */
    @Override
    public AccessLogSink create(PluginConfig config, ServerView server) {
        String format = config.string("format", "combined");
        boolean combined = switch (format) {
            case "combined" -> true;
            case "common" -> false;
            default -> throw config.error("format", "must be \"common\" or \"combined\", not \""
                    + format + "\"");
        };
        return LogFileSink.open(config, new CommonLogFormat(combined));
    }
}
