package io.httpd.plugin.tls;

import io.httpd.api.PluginConfig;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The keys both providers share: {@code protocols}, {@code ciphers}, {@code client_auth} and
 * {@code client_ca}. ALPN always offers {@code http/1.1} alone: a client that offers only
 * {@code h2} gets a {@code no_application_protocol} alert (RFC 7301 §3.2), never a hang.
 *
 * @param protocols  TLS versions, by the JDK's names
 * @param ciphers    cipher suites, by their IANA names, in the server's order of preference
 * @param clientAuth {@code none}, {@code want} or {@code need}
 * @param clientCa   the PEM bundle of CAs that client certificates must chain to, or null
 */
record TlsSettings(List<String> protocols, List<String> ciphers, String clientAuth,
                   Path clientCa) {
    static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");
    /** TLS 1.3's suites, then TLS 1.2's forward-secret AEAD suites (Mozilla "intermediate"). */
    static final List<String> CIPHERS = List.of(
            "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");
    static final List<String> ALPN = List.of("http/1.1");

    TlsSettings {
        protocols = List.copyOf(protocols);
        ciphers = List.copyOf(ciphers);
    }

    /** Reads and checks the shared keys. */
    static TlsSettings read(PluginConfig config) {
        List<String> protocols = checked(config, "protocols", PROTOCOLS, Set.copyOf(PROTOCOLS));
        List<String> ciphers = checked(config, "ciphers", CIPHERS, supportedCiphers());
        String clientAuth = config.string("client_auth", "none").toLowerCase(Locale.ROOT);
        if (!Set.of("none", "want", "need").contains(clientAuth)) {
            throw config.error("client_auth", "must be \"none\", \"want\" or \"need\", not \""
                    + clientAuth + "\"");
        }
        Path ca = config.path("client_ca").orElse(null);
        if (ca == null && !clientAuth.equals("none")) {
            throw config.error("client_ca", "required when client_auth is \"" + clientAuth
                    + "\": the PEM file of the CAs that issue client certificates");
        }
        return new TlsSettings(protocols, ciphers, clientAuth, ca);
    }

    private static List<String> checked(PluginConfig config, String key, List<String> defaults,
                                        Set<String> allowed) {
        List<String> values = List.copyOf(new LinkedHashSet<>(config.strings(key, defaults)));
        if (values.isEmpty()) {
            throw config.error(key, "must name at least one");
        }
        for (String v : values) {
            if (!allowed.contains(v)) {
                throw config.error(key, "\"" + v + "\" is not supported; choose from "
                        + String.join(", ", defaults.equals(PROTOCOLS) ? PROTOCOLS : CIPHERS)
                        + (defaults.equals(PROTOCOLS) ? "" : " or another suite of this JDK"));
            }
        }
        return values;
    }

    private static Set<String> supportedCiphers() {
        try {
            return Set.of(SSLContext.getDefault().getSupportedSSLParameters().getCipherSuites());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no TLS", e);
        }
    }

    /** A fresh copy of the per-connection settings. */
    SSLParameters parameters() {
        SSLParameters p = new SSLParameters(ciphers.toArray(String[]::new),
                protocols.toArray(String[]::new));
        p.setUseCipherSuitesOrder(true);
        p.setApplicationProtocols(ALPN.toArray(String[]::new));
        p.setNeedClientAuth(clientAuth.equals("need"));
        if (clientAuth.equals("want")) {
            p.setWantClientAuth(true);
        }
        return p;
    }

    /** The trust managers for client certificates (read from client_ca now), or null. */
    TrustManager[] trustManagers() throws IOException {
        if (clientCa == null) {
            return null;
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int i = 0;
            for (X509Certificate ca : PemFiles.certificates(clientCa)) {
                store.setCertificateEntry("ca-" + i++, ca);
            }
            TrustManagerFactory tmf =
                    TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            return tmf.getTrustManagers();
        } catch (GeneralSecurityException e) {
            throw new IOException(clientCa + ": " + e.getMessage(), e);
        }
    }
}
