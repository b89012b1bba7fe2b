/**
 * Test helpers for httpd plugins. Use it in test scope only: it brings the real engine.
 *
 * <ul>
 *   <li>{@link io.httpd.testkit.TestRequest} — builds a {@code Request} to call a handler or a
 *       validator with;</li>
 *   <li>{@link io.httpd.testkit.TestConfig} — a plugin's table from a TOML snippet, read by the
 *       server's own code: same grammar, same messages, unknown keys reported the same way;</li>
 *   <li>{@link io.httpd.testkit.TestTable} — a plugin's table from plain values, read with the
 *       server's own grammar, for factory tests without TOML;</li>
 *   <li>{@link io.httpd.testkit.Await} — waits for what another thread or process does, with a
 *       timeout and a message that names it;</li>
 *   <li>{@link io.httpd.testkit.Untouchable} — an interface that fails the test on any call;</li>
 *   <li>{@link io.httpd.testkit.FoundProviders} — what ServiceLoader finds for a plugin's module;</li>
 *   <li>{@link io.httpd.testkit.TestServerView} — a {@code ServerView} for factories;</li>
 *   <li>{@link io.httpd.testkit.ResponseContent} — the bytes or text of any response body;</li>
 *   <li>{@link io.httpd.testkit.EmbeddedServer} — the real server in-process on a free
 *       loopback port, serving given providers or handlers, for tests that send real HTTP;</li>
 *   <li>{@link io.httpd.testkit.Java25Bridge} — a JUnit extension that lets Jazzer 0.24.0 fuzz
 *       Java 25 classes: {@code @ExtendWith(Java25Bridge.class)} on a fuzz test class.</li>
 * </ul>
 */
module io.httpd.testkit {
    requires transitive io.httpd.api;
    requires io.httpd.core;
    requires java.net.http;
    // Java25Bridge is a JUnit extension
    requires org.junit.jupiter.api;

    exports io.httpd.testkit;

    // FoundProviders looks the services up for the plugin under test
    uses io.httpd.api.RouteHandlerProvider;
    uses io.httpd.api.RequestValidatorProvider;
    uses io.httpd.api.AccessLogSinkProvider;
    uses io.httpd.api.TlsProviderProvider;
}
