package io.httpd.plugin.tls;

import io.httpd.api.TlsProvider;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The instance both providers return: an {@link SSLContext} built from certificates loaded from
 * disk, rebuilt by {@link #reload()}. A reload that fails throws, naming the file, and keeps
 * the context it had; handshakes already under way or done keep theirs either way.
 */
final class TlsContext implements TlsProvider {
    static final String EVENT_RELOAD = "tls.reload";
    static final String EVENT_EXPIRING = "tls.cert_expiring";
    /** A certificate that expires sooner than this is a warning at start-up and on reload. */
    static final Duration EXPIRY_WARNING = Duration.ofDays(14);
    private static final System.Logger LOG = System.getLogger(TlsContext.class.getPackageName());

    /** Loads the certificates to serve, the default first; throws naming the file. */
    @FunctionalInterface
    interface Certificates {
        List<ServerCertificate> load() throws IOException;
    }

    private final String name;
    private final Certificates certificates;
    private final TlsSettings settings;
    private volatile Built current;

    private record Built(SSLContext context, List<ServerCertificate> certificates) {
    }

    /**
     * Loads everything once.
     *
     * @param name the table, such as {@code tls.main}, for messages
     */
    TlsContext(String name, Certificates certificates, TlsSettings settings) throws IOException {
        this.name = name;
        this.certificates = certificates;
        this.settings = settings;
        this.current = build();
    }

    @Override
    public SSLContext context() {
        return current.context();
    }

    @Override
    public SSLParameters parameters() {
        return settings.parameters();
    }

    @Override
    public List<List<X509Certificate>> certificateChains() {
        return current.certificates().stream().map(ServerCertificate::chain).toList();
    }

    @Override
    public void reload() throws IOException {
        Built fresh = build();
        current = fresh;
        LOG.log(System.Logger.Level.INFO, EVENT_RELOAD + " table={0} certificates={1}", name,
                fresh.certificates().size());
    }

    private Built build() throws IOException {
        List<ServerCertificate> certs = certificates.load();
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(new KeyManager[] {new SniKeyChooser(certs)}, settings.trustManagers(),
                    null);
            warnIfExpiring(certs);
            return new Built(context, certs);
        } catch (GeneralSecurityException e) {
            throw new IOException(name + ": " + e.getMessage(), e);
        }
    }

    private void warnIfExpiring(List<ServerCertificate> certs) {
        Instant soon = Instant.now().plus(EXPIRY_WARNING);
        for (ServerCertificate c : certs) {
            X509Certificate leaf = c.leaf();
            if (leaf.getNotAfter().toInstant().isBefore(soon)) {
                LOG.log(System.Logger.Level.WARNING, EVENT_EXPIRING
                        + " table={0} source={1} subject={2} not_after={3}", name, c.source(),
                        leaf.getSubjectX500Principal(), leaf.getNotAfter().toInstant());
            }
        }
    }
}
