package io.httpd.api;

import javax.net.ssl.SSLContext;

/**
 * Supplies the TLS context of a listener, from a {@code [tls.<name>]} table of httpd.toml.
 *
 * <p><b>Threads.</b> {@link #context()} is called for each new connection on its virtual
 * thread, concurrently; it should return a prepared context and not block. {@link #reload()}
 * may swap in a new context; connections already open keep theirs.
 */
@FunctionalInterface
public interface TlsProvider extends PluginInstance {
    /** The context for the next connection's handshake. */
    SSLContext context();
}
