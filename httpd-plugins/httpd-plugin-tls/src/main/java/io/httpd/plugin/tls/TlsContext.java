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
 * disk, rebuilt by {@link #reload()} and when its {@link FileCheck} finds the files changed. A
 * reload that fails keeps the context it had (SIGHUP's throws, naming the file; a change on disk
 * that does not load is one {@code tls.reload_fail} warning); handshakes already under way or
 * done keep theirs either way.
 */
final class TlsContext implements TlsProvider {
    static final String EVENT_RELOAD = "tls.reload";
    static final String EVENT_EXPIRING = "tls.cert_expiring";
    /** A certificate that expires sooner than this is a warning at start-up and on reload. */
    static final Duration EXPIRY_WARNING = Duration.ofDays(14);
    static final System.Logger LOG = System.getLogger(TlsContext.class.getPackageName());

    /** Loads the certificates to serve, the default first; throws naming the file. */
    @FunctionalInterface
    interface Certificates {
        List<ServerCertificate> load() throws IOException;
    }

    private final String name;
    private final Certificates certificates;
    private final TlsSettings settings;
    private final FileCheck files;
    private volatile Built current;

    private record Built(SSLContext context, List<ServerCertificate> certificates) {
    }

    /**
     * Loads everything once.
     *
     * @param name  the table, such as {@code tls.main}, for messages
     * @param files the check of the files that certificates reads, made before it reads them
     */
    TlsContext(String name, Certificates certificates, TlsSettings settings, FileCheck files)
            throws IOException {
        this.name = name;
        this.certificates = certificates;
        this.settings = settings;
        this.files = files;
        this.current = build();
    }

    /** The context for a new handshake: a new one when the files changed and load. */
    @Override
    public SSLContext context() {
        if (files.changed()) {
            try {
                install("files changed");
            } catch (IOException e) {
                files.failed(name, e);
            }
        }
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
        files.seen();
        install("reload");
    }

    private void install(String why) throws IOException {
        Built fresh = build();
        current = fresh;
        LOG.log(System.Logger.Level.INFO, EVENT_RELOAD + " table={0} certificates={1} cause={2}",
                name, fresh.certificates().size(), why);
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
