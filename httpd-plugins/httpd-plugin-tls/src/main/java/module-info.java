/**
 * TlsProviders {@code pem} (a certificate-chain file and a private-key file) and
 * {@code keystore} (PKCS12 or JKS). Both serve TLS 1.3 and 1.2 with a modern cipher list,
 * select {@code http/1.1} by ALPN, pick a certificate by SNI host name, can ask for client
 * certificates, and build a new context on {@code reload()}. See
 * {@link io.httpd.plugin.tls.PemProvider} and {@link io.httpd.plugin.tls.KeystoreProvider} for
 * the keys of {@code [tls.<name>]}.
 */
module io.httpd.plugin.tls {
    requires io.httpd.api;

    provides io.httpd.api.TlsProviderProvider with
            io.httpd.plugin.tls.PemProvider,
            io.httpd.plugin.tls.KeystoreProvider;
}
