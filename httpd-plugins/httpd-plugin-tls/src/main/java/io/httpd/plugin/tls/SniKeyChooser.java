package io.httpd.plugin.tls;

import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.StandardConstants;
import javax.net.ssl.X509ExtendedKeyManager;
import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * Picks the certificate for a handshake by the host name the client asked for (SNI, RFC 6066
 * §3): the certificates naming it exactly, else those whose {@code *.} name covers it, else the
 * default (the first). Among those, the JDK asks for each key type it can use in turn (EC,
 * RSA, EdDSA ...), so an RSA and an EC certificate for one name both work. Aliases are the
 * certificates' indexes.
 */
final class SniKeyChooser extends X509ExtendedKeyManager {
    private final List<ServerCertificate> certificates;

    /** @param certificates the default first; at least one */
    SniKeyChooser(List<ServerCertificate> certificates) {
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("no certificate");
        }
        this.certificates = List.copyOf(certificates);
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        SSLSession session = socket instanceof SSLSocket s ? s.getHandshakeSession() : null;
        return choose(keyType, serverName(session));
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return choose(keyType, serverName(engine == null ? null : engine.getHandshakeSession()));
    }

    /** The alias for a key type and a requested host name (null: none asked), or null. */
    String choose(String keyType, String host) {
        List<Integer> forHost = host == null ? List.of() : matching(c -> c.servesExactly(host));
        if (forHost.isEmpty() && host != null) {
            forHost = matching(c -> c.servesByWildcard(host));
        }
        if (forHost.isEmpty()) {
            forHost = List.of(0);
        }
        return forHost.stream().filter(i -> keyTypeOf(i).equals(family(keyType))).findFirst()
                .map(String::valueOf).orElse(null);
    }

    private List<Integer> matching(Predicate<ServerCertificate> test) {
        return IntStream.range(0, certificates.size()).filter(i -> test.test(certificates.get(i)))
                .boxed().toList();
    }

    private String keyTypeOf(int index) {
        return family(certificates.get(index).key().getAlgorithm());
    }

    /** {@code EC_RSA} → {@code EC}; {@code Ed25519} → {@code EdDSA}. */
    private static String family(String keyType) {
        String type = keyType.contains("_") ? keyType.substring(0, keyType.indexOf('_')) : keyType;
        return type.startsWith("Ed") ? "EdDSA" : type;
    }

    private static String serverName(SSLSession session) {
        if (session instanceof ExtendedSSLSession extended) {
            for (SNIServerName name : extended.getRequestedServerNames()) {
                if (name.getType() == StandardConstants.SNI_HOST_NAME) {
                    return ((SNIHostName) name).getAsciiName().toLowerCase(Locale.ROOT);
                }
            }
        }
        return null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        ServerCertificate c = certificate(alias);
        return c == null ? null : c.chain().toArray(X509Certificate[]::new);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        ServerCertificate c = certificate(alias);
        return c == null ? null : c.key();
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return IntStream.range(0, certificates.size())
                .filter(i -> keyTypeOf(i).equals(family(keyType))).mapToObj(String::valueOf)
                .toArray(String[]::new);
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return null; // a server only
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return null;
    }

    private ServerCertificate certificate(String alias) {
        try {
            int i = Integer.parseInt(alias);
            return i >= 0 && i < certificates.size() ? certificates.get(i) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
