package io.httpd.plugin.accesslog;

import io.httpd.api.AccessLogSinkProvider;

/**
 * Finds the {@code json} access-log sink: one JSON object per line (UTF-8), written with
 * Jackson, so that no value from a request can end a line. The keys, all present but the
 * last ones, in this order:
 * <pre>
 * ts           string  "2000-10-10T13:55:36.123-07:00": ISO-8601, ms, numeric offset always
 * client       string  "192.0.2.7:51234", or "[2001:db8::7]:51234" for IPv6
 * method       string  "GET", or "-" when the request line could not be read
 * target       string  the request-target as received, or "-"
 * protocol     string  "HTTP/1.1", "HTTP/1.0", or "-"
 * status       number  200
 * bytes        number  content bytes sent (head and chunk framing not counted), 0 for none;
 *                      for an aborted response, what got out before it was cut short
 * duration_ms  number  from the complete head to the last byte, ms with exactly three
 *                      decimals (microseconds): 12.345
 * referer      string  or null when absent
 * user_agent   string  or null when absent
 * route        string  the path of the route that answered, or null for none
 * request_id   string  the exchange's id, unique within the server process; never null
 * aborted      boolean true when the response was cut short (the connection failed, the
 *                      handler's writer threw, a file shrank while it was sent): Apache's
 *                      %X "X", nginx's $request_completion "" (false: sent whole)
 * validator    string  the id of the validator that refused the request ("access"); the key
 *                      is absent when none did
 * tls_protocol string  over TLS only: "TLSv1.3" (nginx's $ssl_protocol)
 * tls_cipher   string  over TLS only: "TLS_AES_128_GCM_SHA256", the IANA name
 * sni          string  over TLS only, when the client sent a name: "example.com"
 * client_cert  string  over TLS only, when the client sent a certificate: its subject,
 *                      "CN=alice,O=Example" (RFC 2253)
 * </pre>
 * For example (one line in the file):
 * <pre>
 * {"ts":"2000-10-10T13:55:36.123-07:00","client":"192.0.2.7:51234","method":"GET",
 *  "target":"/x","protocol":"HTTP/1.1","status":200,"bytes":2326,"duration_ms":1.204,
 *  "referer":null,"user_agent":"curl/8.5.0","route":"/","request_id":"1a2b-17",
 *  "aborted":false}
 * </pre>
 * Request bytes reach the sink one char per byte (ISO-8859-1). Target, Referer and User-Agent
 * are written as the characters their bytes encode when those bytes are valid UTF-8 (what
 * browsers send), else one char per byte (U+0080 to U+00FF), so the line is valid UTF-8 either
 * way.
 *
 * <p>Keys of {@code [[access_log]]}: the same file keys as {@link FileSinkProvider}
 * ({@code path}, {@code rotate_size}, {@code rotate_daily}, {@code keep},
 * {@code flush_interval}), with the same defaults and behaviour, and no {@code format}.
 */
public final class JsonSinkProvider extends AccessLogSinkProvider.Base {
    /**
     * Creates the provider; no side effects. Its factory reads the file keys and opens the
     * file, or throws a {@link io.httpd.api.ConfigException} naming the key: a bad size or
     * duration, or {@code path} when the file cannot be opened.
     */
    public JsonSinkProvider() {
        super("json", (config, server) -> LogFileSink.open(config, new JsonLineFormat()));
    }
}
