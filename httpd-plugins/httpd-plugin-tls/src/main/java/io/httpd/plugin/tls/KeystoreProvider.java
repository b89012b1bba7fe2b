package io.httpd.plugin.tls;

import io.httpd.api.PluginConfig;
import io.httpd.api.TlsProvider;
import io.httpd.api.TlsProviderProvider;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * TlsProvider {@code keystore}: certificates and keys from a PKCS12 or JKS key store.
 *
 * <pre>
 * [tls.main]
 * provider = "keystore"
 * keystore = "certs/server.p12"      # PKCS12 or JKS, told apart by content (required)
 * password = "${KEYSTORE_PASS}"      # or password_file (required)
 * key_password = "..."               # or key_password_file; default: the store's password
 * alias = "main"                     # the default certificate; default: the first key entry
 * </pre>
 *
 * Every other key entry of the store is served too, to the SNI names of its certificate.
 * Shared keys: see {@link TlsSettings}.
 */
public final class KeystoreProvider extends TlsProviderProvider.Base {
    /** Creates the provider; no side effects. */
    public KeystoreProvider() {
        super("keystore", (config, server) -> create(config, InstantSource.system(), TlsContext.LOG));
    }

    /** The provider, with the clock its file check reads and the log it reports to. */
    static TlsProvider create(PluginConfig config, InstantSource clock, System.Logger log)
            throws IOException {
        Path file = config.path("keystore").orElseThrow(() -> config.error("keystore", "required"));
        Passwords password = Passwords.read(config, "password");
        if (password.equals(Passwords.NONE)) {
            throw config.error("password", "required (or password_file)");
        }
        Passwords keyPassword = Passwords.read(config, "key_password").or(password);
        String alias = config.string("alias").orElse(null);
        TlsSettings settings = TlsSettings.read(config);
        FileCheck check = new FileCheck(Arrays.asList(file, password.file(), keyPassword.file(),
                settings.clientCa()), FileCheck.interval(config), clock, log);
        return new TlsContext(config.path(), () -> load(file, password, keyPassword, alias),
                settings, check);
    }

    private static List<ServerCertificate> load(Path file, Passwords password,
                                                Passwords keyPassword, String alias)
            throws IOException {
        try {
            KeyStore store = KeyStore.getInstance(file.toFile(), password.get());
            List<String> aliases = new ArrayList<>();
            for (String a : Collections.list(store.aliases())) {
                if (store.isKeyEntry(a)) {
                    aliases.add(a);
                }
            }
            if (alias != null) {
                if (!aliases.remove(alias)) {
                    throw new IOException(file + ": no key entry with alias \"" + alias
                            + "\"; the store has " + aliases);
                }
                aliases.addFirst(alias);
            }
            if (aliases.isEmpty()) {
                throw new IOException(file + ": the store has no private key entry");
            }
            List<ServerCertificate> certs = new ArrayList<>();
            for (String a : aliases) {
                certs.add(entry(store, a, keyPassword.get(), file));
            }
            return certs;
        } catch (GeneralSecurityException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw e.getMessage() != null && e.getMessage().startsWith(file.toString()) ? e
                    : new IOException(file + ": " + e.getMessage(), e);
        }
    }

    private static ServerCertificate entry(KeyStore store, String alias, char[] keyPassword,
                                           Path file) throws IOException, GeneralSecurityException {
        PrivateKey key = (PrivateKey) store.getKey(alias, keyPassword);
        List<X509Certificate> chain = new ArrayList<>();
        for (Certificate c : store.getCertificateChain(alias)) {
            chain.add((X509Certificate) c);
        }
        return ServerCertificate.of(key, chain, List.of(), file + " (alias " + alias + ")");
    }
}
