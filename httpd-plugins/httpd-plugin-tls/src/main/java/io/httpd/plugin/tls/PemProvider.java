package io.httpd.plugin.tls;

import io.httpd.api.PluginConfig;
import io.httpd.api.TlsProvider;
import io.httpd.api.TlsProviderProvider;

import java.io.IOException;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * TlsProvider {@code pem}: certificates and keys from PEM files.
 *
 * <pre>
 * [tls.main]
 * provider = "pem"
 * cert = "certs/server.crt"          # the chain, leaf first (required)
 * key = "certs/server.key"           # PKCS#8, encrypted PKCS#8, PKCS#1 or SEC 1 (required)
 * key_password = "${TLS_KEY_PASS}"   # or key_password_file; for an encrypted key only
 * hosts = ["example.com"]            # SNI names; default: the certificate's own names
 *
 * [tls.main.sni.other]               # more certificates, picked by SNI (same keys)
 * cert = "certs/other.crt"
 * key = "certs/other.key"
 * </pre>
 *
 * The top-level certificate is the default, for clients that send no name or a name no
 * certificate serves. Shared keys: see {@link TlsSettings}.
 */
public final class PemProvider extends TlsProviderProvider.Base {
    /** Creates the provider; no side effects. */
    public PemProvider() {
        super("pem", (config, server) -> create(config, InstantSource.system(), TlsContext.LOG));
    }

    /** The provider, with the clock its file check reads and the log it reports to. */
    static TlsProvider create(PluginConfig config, InstantSource clock, System.Logger log)
            throws IOException {
        List<Pair> pairs = new ArrayList<>();
        pairs.add(Pair.read(config));
        config.table("sni").ifPresent(sni -> {
            for (String label : sni.keys()) {
                pairs.add(Pair.read(sni.table(label).orElseThrow(
                        () -> sni.error(label, "must be a table with cert and key"))));
            }
        });
        TlsSettings settings = TlsSettings.read(config);
        List<Pair> all = List.copyOf(pairs);
        List<Path> files = new ArrayList<>(Arrays.asList(settings.clientCa()));
        all.forEach(p -> files.addAll(Arrays.asList(p.cert(), p.key(), p.password().file())));
        FileCheck check = new FileCheck(files, FileCheck.interval(config), clock, log);
        return new TlsContext(config.path(), () -> load(all), settings, check);
    }

    private static List<ServerCertificate> load(List<Pair> pairs) throws IOException {
        List<ServerCertificate> certs = new ArrayList<>();
        for (Pair p : pairs) {
            certs.add(ServerCertificate.of(PemFiles.privateKey(p.key(), p.password().get()),
                    PemFiles.certificates(p.cert()), p.hosts(), p.cert().toString()));
        }
        return certs;
    }

    /** One certificate-and-key pair of the table. */
    private record Pair(Path cert, Path key, Passwords password, List<String> hosts) {
        static Pair read(PluginConfig table) {
            Path cert = table.path("cert").orElseThrow(() -> table.error("cert", "required"));
            Path key = table.path("key").orElseThrow(() -> table.error("key", "required"));
            return new Pair(cert, key, Passwords.read(table, "key_password"),
                    table.strings("hosts", List.of()));
        }
    }
}
