package io.httpd.api;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Supplies the TLS context of a listener, from a {@code [tls.<name>]} table of httpd.toml.
 *
 * <p><b>Threads.</b> {@link #context()} and {@link #parameters()} are called for each new
 * connection on its virtual thread, concurrently; they should return prepared values and not
 * block. {@link #reload()} may swap in a new context; connections already open keep theirs,
 * and only handshakes that start afterwards use the new one.
 */
@FunctionalInterface
public interface TlsProvider extends PluginInstance {
    /** The context for the next connection's handshake. */
    SSLContext context();

    /**
     * The settings the server applies to each connection before its handshake: protocols,
     * cipher suites, ALPN protocols, client authentication. The server always runs the server
     * side. The default is the context's own defaults.
     */
    default SSLParameters parameters() {
        return context().getDefaultSSLParameters();
    }

    /**
     * The certificate chains served now, each leaf first, the default first: what
     * {@code httpd -t} prints. Empty by default.
     */
    default List<List<X509Certificate>> certificateChains() {
        return List.of();
    }
}
