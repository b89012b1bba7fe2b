package io.httpd.plugin.accesslog;

import io.httpd.api.AccessLogSink;
import io.httpd.api.AccessLogSinkProvider;
import io.httpd.api.PluginConfig;
import io.httpd.api.ServerView;

/**
 * Finds the {@code json} access-log sink: one JSON object per line, with the flat keys
 * {@code ts, client, method, target, protocol, status, bytes, duration_ms, referer, user_agent,
 * route, request_id} (types and forms in {@link JsonLineFormat}'s table):
 *
 * <pre>
 * {"ts":"2000-10-10T13:55:36.000-07:00","client":"192.0.2.7:51234","method":"GET",
 *  "target":"/x","protocol":"HTTP/1.1","status":200,"bytes":2326,"duration_ms":1.204,
 *  "referer":null,"user_agent":"curl/8.5.0","route":"/","request_id":"1a2b-17"}
 * </pre>
 * (one line in the file). It takes the same file keys as {@link FileSinkProvider} ({@code path},
 * {@code rotate_size}, {@code rotate_daily}, {@code keep}, {@code flush_interval}) and no
 * {@code format}.
 */
public final class JsonSinkProvider implements AccessLogSinkProvider {
    /** The id httpd.toml uses. */
    public static final String ID = "json";

    /** Creates the provider; no side effects. */
    public JsonSinkProvider() {
    }

    @Override
    public String id() {
        return ID;
    }

    /**
     * Reads the file keys and opens the file.
     *
     * @throws io.httpd.api.ConfigException naming the key: a bad size or duration, or
     *                                      {@code path} when the file cannot be opened
     */
    @Override
    public AccessLogSink create(PluginConfig config, ServerView server) {
        return LogFileSink.open(config, new JsonLineFormat());
    }
}
