package io.httpd.plugin.tls;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAKey;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One certificate the server can present: a private key, its chain (leaf first) and the host
 * names it is picked for by SNI. Made only through {@link #of}, which checks that the key
 * matches the leaf, that the chain is in order and that the leaf is valid now.
 *
 * @param key    the private key
 * @param chain  the leaf, then the certificates that issued it
 * @param hosts  lower-case names: exact, or {@code *.example.com} for one label
 * @param source the file (and alias) it came from, for messages
 */
record ServerCertificate(PrivateKey key, List<X509Certificate> chain, List<String> hosts,
                         String source) {
    private static final Pattern COMMON_NAME = Pattern.compile("(?:^|,)CN=([^,+]+)");

    ServerCertificate {
        Objects.requireNonNull(key, "key");
        chain = List.copyOf(chain);
        hosts = hosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
    }

    /**
     * Checks and assembles one certificate.
     *
     * @param hosts the names to serve, or empty to take them from the leaf (its DNS and IP
     *              subject alternative names, else its CN)
     * @throws IOException naming {@code source} when the parts do not fit together
     */
    static ServerCertificate of(PrivateKey key, List<X509Certificate> chain, List<String> hosts,
                                String source) throws IOException {
        if (chain.isEmpty()) {
            throw new IOException(source + ": no certificate");
        }
        X509Certificate leaf = chain.getFirst();
        if (!matches(key, leaf.getPublicKey())) {
            throw new IOException(source + ": the private key does not match the certificate "
                    + leaf.getSubjectX500Principal());
        }
        checkOrder(chain, source);
        try {
            leaf.checkValidity(new Date());
        } catch (CertificateException e) {
            throw new IOException(source + ": certificate " + leaf.getSubjectX500Principal()
                    + " is not valid now (" + leaf.getNotBefore() + " to " + leaf.getNotAfter()
                    + ")", e);
        }
        return new ServerCertificate(key, chain, hosts.isEmpty() ? names(leaf) : hosts, source);
    }

    X509Certificate leaf() {
        return chain.getFirst();
    }

    /** Whether this certificate serves a host name exactly (lower case). */
    boolean servesExactly(String host) {
        return hosts.contains(host);
    }

    /** Whether a {@code *.} name of this certificate covers the host: one label, never more. */
    boolean servesByWildcard(String host) {
        int dot = host.indexOf('.');
        return dot > 0 && hosts.contains("*" + host.substring(dot));
    }

    private static void checkOrder(List<X509Certificate> chain, String source) throws IOException {
        for (int i = 0; i + 1 < chain.size(); i++) {
            X509Certificate cert = chain.get(i);
            X509Certificate issuer = chain.get(i + 1);
            try {
                cert.verify(issuer.getPublicKey());
            } catch (GeneralSecurityException e) {
                throw new IOException(source + ": chain out of order: certificate " + (i + 2)
                        + " (" + issuer.getSubjectX500Principal() + ") did not issue certificate "
                        + (i + 1) + " (" + cert.getSubjectX500Principal() + ")");
            }
        }
    }

    /** The DNS and IP names of the leaf, else its common name. */
    static List<String> names(X509Certificate cert) throws IOException {
        List<String> names = new ArrayList<>();
        try {
            var sans = cert.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    int type = (Integer) san.get(0);
                    if (type == 2 || type == 7) { // dNSName, iPAddress (RFC 5280 §4.2.1.6)
                        names.add((String) san.get(1));
                    }
                }
            }
            if (names.isEmpty()) {
                Matcher cn = COMMON_NAME.matcher(cert.getSubjectX500Principal().getName());
                if (cn.find()) {
                    names.add(cn.group(1));
                }
            }
        } catch (CertificateException e) {
            throw new IOException("cannot read the names of " + cert.getSubjectX500Principal(), e);
        }
        return names;
    }

    /** Whether a private key belongs to a public key: same RSA modulus, or a signature check. */
    static boolean matches(PrivateKey key, PublicKey pub) {
        if (key instanceof RSAKey rsa) {
            return pub instanceof RSAKey p && rsa.getModulus().equals(p.getModulus());
        }
        String algorithm = switch (key.getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "EdDSA", "Ed25519", "Ed448" -> "EdDSA";
            default -> null;
        };
        if (algorithm == null) {
            return true; // no way to tell: the handshake will
        }
        try {
            byte[] probe = "httpd key check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            Signature s = Signature.getInstance(algorithm);
            s.initSign(key);
            s.update(probe);
            byte[] signature = s.sign();
            s.initVerify(pub);
            s.update(probe);
            return s.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
