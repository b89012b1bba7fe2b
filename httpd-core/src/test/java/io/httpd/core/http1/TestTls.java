package io.httpd.core.http1;

import io.httpd.api.TlsProvider;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Self-signed certificates made at test time by the JDK's keytool (no private key is ever
 * committed), a TlsProvider serving one, and clients that trust exactly it.
 */
final class TestTls {
    private static final char[] PASSWORD = "test-pass".toCharArray();
    private static volatile TestTls shared;

    final KeyStore store;
    final X509Certificate certificate;

    private TestTls(KeyStore store, X509Certificate certificate) {
        this.store = store;
        this.certificate = certificate;
    }

    /** One certificate for localhost and 127.0.0.1, made once per test run. */
    static TestTls shared() {
        if (shared == null) {
            synchronized (TestTls.class) {
                if (shared == null) {
                    shared = make("CN=localhost");
                }
            }
        }
        return shared;
    }

    /** A new EC P-256 certificate with this subject, for localhost and 127.0.0.1. */
    static TestTls make(String subject) {
        try {
            Path dir = Files.createTempDirectory("httpd-tls");
            Path p12 = dir.resolve("server.p12");
            keytool("-genkeypair", "-keystore", p12.toString(), "-storetype", "PKCS12",
                    "-storepass", new String(PASSWORD), "-alias", "server", "-keyalg", "EC",
                    "-groupname", "secp256r1", "-dname", subject, "-validity", "2",
                    "-ext", "SAN=dns:localhost,ip:127.0.0.1");
            KeyStore store = KeyStore.getInstance(p12.toFile(), PASSWORD);
            Files.delete(p12);
            Files.delete(dir);
            return new TestTls(store, (X509Certificate) store.getCertificate("server"));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static void keytool(String... args) throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new java.util.ArrayList<>(List.of(keytool.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("keytool failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** A server context with this certificate. */
    SSLContext serverContext() {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX");
            kmf.init(store, PASSWORD);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A provider serving TLS 1.3 and 1.2 with ALPN http/1.1. */
    TlsProvider provider() {
        SSLContext ctx = serverContext();
        return new TlsProvider() {
            @Override
            public SSLContext context() {
                return ctx;
            }

            @Override
            public SSLParameters parameters() {
                SSLParameters p = ctx.getDefaultSSLParameters();
                p.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
                p.setApplicationProtocols(new String[] {"http/1.1"});
                return p;
            }
        };
    }

    /** A client context that trusts exactly this certificate. */
    SSLContext clientContext() {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("server", certificate);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
            tmf.init(trust);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A handshaken TLS client of a server, asking for localhost by SNI, offering h2 and http/1.1. */
    SSLSocket connect(InetSocketAddress address, String... protocols) {
        try {
            SSLSocket s = (SSLSocket) clientContext().getSocketFactory()
                    .createSocket(address.getAddress(), address.getPort());
            SSLParameters p = s.getSSLParameters();
            p.setServerNames(List.of(new SNIHostName("localhost")));
            p.setApplicationProtocols(new String[] {"h2", "http/1.1"});
            if (protocols.length > 0) {
                p.setProtocols(protocols);
            }
            s.setSSLParameters(p);
            s.setSoTimeout(5000);
            s.startHandshake();
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
