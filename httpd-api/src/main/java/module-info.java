/**
 * The plugin API of httpd. A plugin compiles against this module alone.
 *
 * <h2>Service types</h2>
 * Four services, each found through a provider ({@link io.httpd.api.PluginProvider}: an id, the
 * name httpd.toml uses, plus a {@link io.httpd.api.PluginFactory factory}; each provider
 * interface has a {@code Base} class that takes the two):
 * <ul>
 *   <li>{@link io.httpd.api.RouteHandler} via {@link io.httpd.api.RouteHandlerProvider} —
 *       mounted on a path by {@code [[route]]}, turns a {@link io.httpd.api.Request} into a
 *       {@link io.httpd.api.Response};</li>
 *   <li>{@link io.httpd.api.RequestValidator} via {@link io.httpd.api.RequestValidatorProvider} —
 *       accepts or rejects a request head before routing ({@code [[validator]]});</li>
 *   <li>{@link io.httpd.api.AccessLogSink} via {@link io.httpd.api.AccessLogSinkProvider} —
 *       receives one {@link io.httpd.api.AccessRecord} per exchange ({@code [[access_log]]});</li>
 *   <li>{@link io.httpd.api.TlsProvider} via {@link io.httpd.api.TlsProviderProvider} —
 *       turns a {@code [tls.<name>]} table into an {@code SSLContext}.</li>
 * </ul>
 *
 * <h2>Lifecycle</h2>
 * <ol>
 *   <li><b>Discover.</b> The server finds every provider with {@code ServiceLoader}: built-in
 *       plugins in the boot layer, drop-in jars each in a module layer of its own. A provider's
 *       public no-argument constructor must have no side effects.</li>
 *   <li><b>Bind.</b> Each table of httpd.toml that names an id is handed to that provider as a
 *       {@link io.httpd.api.PluginConfig}. Keys the factory never reads are reported as unknown,
 *       so a misspelt key stops start-up.</li>
 *   <li><b>Create.</b> {@link io.httpd.api.PluginProvider#create} is called once per table (one
 *       instance per mount or configured entry), in the order of httpd.toml, on the main
 *       thread, before any socket is bound. An exception stops start-up and names the id.</li>
 *   <li><b>Serve.</b> Instances are called concurrently from many virtual threads, except
 *       access-log sinks, which each get one thread of their own. A handler or validator that
 *       says it never blocks ({@link io.httpd.api.PluginInstance#blocks()} false) may be called
 *       on the thread that waits for connections, between other connections' requests.</li>
 *   <li><b>Reload.</b> On SIGHUP the server reads httpd.toml again and creates the instances of
 *       a new generation: an instance whose table and plugin jar did not change carries over
 *       and gets {@link io.httpd.api.PluginInstance#reload()} (log sinks reopen files, TLS
 *       providers re-read certificates); a changed table gets a new instance, created while
 *       the old one still serves. When the new config fails, every live instance gets
 *       {@code reload()} instead. The server owns the process signals; plugins never install
 *       their own.</li>
 *   <li><b>Close.</b> On shutdown, after in-flight exchanges finished, the server calls
 *       {@link io.httpd.api.PluginInstance#close()} on every instance, in the reverse order of
 *       creation; after a reload, on each instance the new generation did not carry over, once
 *       the last exchange that used it ended (a sink after its queue drained).</li>
 * </ol>
 *
 * <h2>Order</h2>
 * Routes: an exact path match wins, else the longest matching prefix ({@code "/"} or a path
 * ending in {@code "/"}); the order of {@code [[route]]} tables does not matter. Validators and
 * access-log sinks run in the order httpd.toml lists them, after the core's own RFC 9112 checks.
 */
module io.httpd.api {
    exports io.httpd.api;
}
