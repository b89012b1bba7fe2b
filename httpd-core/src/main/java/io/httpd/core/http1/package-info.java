/**
 * The HTTP/1.1 wire protocol (RFC 9112) of one connection: from the bytes a transport delivers
 * to the bytes it sends back. The accept loop around it lives in {@code io.httpd.core.server}.
 *
 * <ul>
 *   <li>The loop: {@link io.httpd.core.http1.Connection} (one connection's request loop) runs
 *       one {@link io.httpd.core.http1.Exchange} per request (validators, route, handler,
 *       response, access record), with what every connection shares in
 *       {@link io.httpd.core.http1.Http1Context}: limits, the
 *       {@link io.httpd.core.http1.RouteTable}, validators, the access log and the
 *       {@link io.httpd.core.http1.TrafficCounters}.</li>
 *   <li>Reading the head: {@link io.httpd.core.http1.WireReader} (bounded reads),
 *       {@link io.httpd.core.http1.RequestParser} into a {@link io.httpd.core.http1.RequestHead},
 *       then {@link io.httpd.core.http1.HeadRules} (version, target, Host, framing, Expect), with
 *       {@link io.httpd.core.http1.Grammar}, {@link io.httpd.core.http1.Lists},
 *       {@link io.httpd.core.http1.Authority} and {@link io.httpd.core.http1.TargetPath};
 *       known methods, versions and field names as constants,
 *       {@link io.httpd.core.http1.KnownTokens};
 *       a broken rule is an {@link io.httpd.core.http1.HttpException} naming its
 *       {@link io.httpd.core.http1.Violation} (status, reason, RFC section).</li>
 *   <li>Request bodies: {@link io.httpd.core.http1.BodyFraming} (none, Content-Length
 *       or chunked) picks {@link io.httpd.core.http1.ContentLengthBody} or
 *       {@link io.httpd.core.http1.ChunkedBody}, a {@link io.httpd.core.http1.BodyStream} the
 *       handler reads.</li>
 *   <li>Responses: {@link io.httpd.core.http1.ResponseWriter} over a
 *       {@link io.httpd.core.http1.WireWriter}; a streamed body through a
 *       {@link io.httpd.core.http1.StreamedOutput} ({@link io.httpd.core.http1.FixedLengthOutput}
 *       or {@link io.httpd.core.http1.ChunkedOutput}); {@link io.httpd.core.http1.DateField} for
 *       the Date field (once per second), {@link io.httpd.core.http1.RequestTime} for the
 *       access record's time (once per millisecond); the core's own error and Allow responses in
 *       {@link io.httpd.core.http1.ServerResponses}.</li>
 *   <li>Transports, the bytes of one connection: {@link io.httpd.core.http1.Transport};
 *       {@link io.httpd.core.http1.PolledTransport} (plain, non-blocking: a
 *       {@link io.httpd.core.http1.Poller} waits for it and reads its bytes into its
 *       {@link io.httpd.core.http1.Inbox}; sendfile),
 *       {@link io.httpd.core.http1.TlsTransport} (handshake on the connection's thread),
 *       {@link io.httpd.core.http1.ProxyProtocolTransport} (a PROXY v1/v2 header,
 *       {@link io.httpd.core.http1.ProxyHeader}, before either), and
 *       {@link io.httpd.core.http1.TimedOutput}, which tells the send timeout since when a write
 *       waits; {@link io.httpd.core.http1.ReadDeadlines}, one thread that ends plain
 *       connections' reads past their deadline (no timer per read).</li>
 *   <li>Shared between connections: {@link io.httpd.core.http1.BufferPool} (the buffers idle
 *       connections lend back), {@link io.httpd.core.http1.MappedGenerations} (a listener's view
 *       of the generations, mapped once per generation).</li>
 *   <li>The client behind trusted proxies: {@link io.httpd.core.http1.ForwardedClient}.</li>
 * </ul>
 */
package io.httpd.core.http1;
