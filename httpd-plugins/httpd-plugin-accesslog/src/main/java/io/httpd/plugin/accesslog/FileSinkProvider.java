package io.httpd.plugin.accesslog;

import io.httpd.api.AccessLogSink;
import io.httpd.api.AccessLogSinkProvider;
import io.httpd.api.PluginConfig;
import io.httpd.api.ServerView;

/**
 * Finds the {@code file} access-log sink: Apache httpd's Common or Combined Log Format, one
 * line per exchange, byte for byte as Apache writes it, so existing log tools parse it:
 * <pre>
 * common:   %h %l %u %t "%r" %&gt;s %b
 * combined: %h %l %u %t "%r" %&gt;s %b "%{Referer}i" "%{User-agent}i"
 *
 * 192.0.2.7 - - [10/Oct/2000:13:55:36 -0700] "GET /x HTTP/1.1" 200 2326 "-" "curl/8.5.0"
 * </pre>
 * {@code %l} and {@code %u} are always {@code -}; {@code %b} is {@code -} for no content;
 * an absent Referer or User-Agent is {@code -}; a request line that could not be read is
 * {@code "-"}. Values from the request are escaped as Apache's {@code ap_escape_logitem}:
 * {@code "} and {@code \} as {@code \"} and {@code \\}; BS, LF, CR, HT, VT as
 * {@code \b \n \r \t \v}; every other byte below 0x20 or from 0x7f up as {@code \xhh}.
 *
 * <p>Keys of {@code [[access_log]]}, with their defaults:
 * <pre>
 * [[access_log]]
 * sink = "file"
 * path = "../logs/access.log"   # required; relative to httpd.toml's folder; opened to append
 * format = "combined"           # "common" | "combined"
 * rotate_size = "100MiB"        # absent by default: rotate before a line would take the
 *                               #   file past this size
 * rotate_daily = false          # rotate at the first line after local midnight
 * keep = 7                      # rotated files kept (0 to 1000): access.log.1 is the newest,
 *                               #   access.log.7 the oldest; 0 discards the rotated file
 * flush_interval = "1s"         # longest a line waits in the buffer while lines keep coming
 *                               #   ("0s": each line at once); the server also flushes
 *                               #   whenever its queue for this sink runs empty
 * </pre>
 *
 * <p>On SIGHUP the file is reopened, so logrotate's {@code create} and {@code copytruncate} both
 * work. A file that cannot be opened at start-up is a config error on {@code path}. A write
 * that fails later throws (the server counts a drop and logs once), losing the lines buffered
 * since the last write, and the file is opened again at the next record, so logging resumes as
 * soon as the file is writable.
 */
public final class FileSinkProvider extends AccessLogSinkProvider.Base {
    /** Creates the provider; no side effects. */
    public FileSinkProvider() {
        super("file", FileSinkProvider::sink);
    }

    /**
     * Reads {@code format} and the file keys, and opens the file.
     *
     * @throws io.httpd.api.ConfigException naming the key: an unknown format, a bad size or
     *                                      duration, or {@code path} when the file cannot be
     *                                      opened ({@code cannot open PATH: REASON})
     */
    private static AccessLogSink sink(PluginConfig config, ServerView server) {
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
