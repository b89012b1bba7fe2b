package io.httpd.plugin.tls;

import io.httpd.api.TlsProvider;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A TLS server on 127.0.0.1 that does what the core does with a provider (an SSLSocket layered
 * over each accepted socket, in server mode, with the provider's context and parameters),
 * answers each handshake with one line naming the client certificate's subject (or "-"), then
 * echoes each line the client sends until it closes. And the client side: a real JDK handshake with the options a test varies.
 */
final class TlsProbe implements AutoCloseable {
    private final ServerSocket server;

    private TlsProbe(TlsProvider provider) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> acceptLoop(provider));
    }

    static TlsProbe start(TlsProvider provider) throws IOException {
        return new TlsProbe(provider);
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop(TlsProvider provider) {
        while (!server.isClosed()) {
            try {
                Socket plain = server.accept();
                Thread.ofVirtual().start(() -> serve(provider, plain));
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void serve(TlsProvider provider, Socket plain) {
        try (SSLSocket s = (SSLSocket) provider.context().getSocketFactory()
                .createSocket(plain, null, plain.getPort(), true)) {
            s.setUseClientMode(false);
            s.setSSLParameters(provider.parameters());
            s.setSoTimeout(5000);
            s.startHandshake();
            String peer;
            try {
                peer = ((X509Certificate) s.getSession().getPeerCertificates()[0])
                        .getSubjectX500Principal().getName();
            } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
                peer = "-";
            }
            s.getOutputStream().write((peer + "\n").getBytes(StandardCharsets.UTF_8));
            s.getOutputStream().flush();
            s.setSoTimeout(120_000); // a kept connection waits while the test makes new keys
            var lines = new BufferedReader(new InputStreamReader(s.getInputStream(),
                    StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                s.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
                s.getOutputStream().flush(); // kept alive: each line comes back
            }
        } catch (IOException ignored) {
            // the client sees the failure: that is what the tests look at
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    /**
     * What a client saw.
     *
     * @param leaf     the server's certificate
     * @param protocol the TLS version
     * @param cipher   the cipher suite
     * @param alpn     the ALPN protocol, "" for none
     * @param line     the line the server sent: the client certificate's subject, or "-"
     */
    record Seen(X509Certificate leaf, String protocol, String cipher, String alpn, String line) {
    }

    /** Options of one client handshake; null or empty: the JDK's defaults. */
    record Client(String sni, List<String> protocols, List<String> alpn, KeyStore identity) {
        static Client of(String sni) {
            return new Client(sni, List.of(), List.of(), null);
        }

        Client protocols(String... p) {
            return new Client(sni, List.of(p), alpn, identity);
        }

        Client alpn(String... a) {
            return new Client(sni, protocols, List.of(a), identity);
        }

        Client identity(KeyStore store) {
            return new Client(sni, protocols, alpn, store);
        }

        /** Handshakes (trusting any server certificate) and reads the server's line. */
        Seen connect(int port) throws Exception {
            SSLContext ctx = SSLContext.getInstance("TLS");
            KeyManagerFactory kmf = null;
            if (identity != null) {
                kmf = KeyManagerFactory.getInstance("PKIX");
                kmf.init(identity, TestKeys.PASSWORD.toCharArray());
            }
            ctx.init(kmf == null ? null : kmf.getKeyManagers(), new TrustManager[] {TRUST_ALL},
                    null);
            try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(
                    InetAddress.getLoopbackAddress(), port)) {
                s.setSoTimeout(5000);
                SSLParameters p = s.getSSLParameters();
                if (sni != null) {
                    p.setServerNames(List.of(new SNIHostName(sni)));
                }
                if (!protocols.isEmpty()) {
                    p.setProtocols(protocols.toArray(String[]::new));
                }
                if (!alpn.isEmpty()) {
                    p.setApplicationProtocols(alpn.toArray(String[]::new));
                }
                s.setSSLParameters(p);
                s.startHandshake();
                String line = new BufferedReader(new InputStreamReader(s.getInputStream(),
                        StandardCharsets.UTF_8)).readLine();
                if (line == null) {
                    throw new IOException("the server closed without a line");
                }
                var session = s.getSession();
                return new Seen((X509Certificate) session.getPeerCertificates()[0],
                        session.getProtocol(), session.getCipherSuite(),
                        s.getApplicationProtocol(), line);
            }
        }
    }

    /** A connection kept open after its handshake: each line sent comes back. */
    static final class Open implements AutoCloseable {
        private final SSLSocket socket;
        private final BufferedReader in;
        final X509Certificate leaf;

        Open(int port) throws Exception {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {TRUST_ALL}, null);
            socket = (SSLSocket) ctx.getSocketFactory().createSocket(
                    InetAddress.getLoopbackAddress(), port);
            socket.setSoTimeout(5000);
            SSLParameters p = socket.getSSLParameters();
            p.setServerNames(List.of(new SNIHostName("localhost")));
            socket.setSSLParameters(p);
            socket.startHandshake();
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            in.readLine();
            leaf = (X509Certificate) socket.getSession().getPeerCertificates()[0];
        }

        /** Sends a line and returns the line that came back (null: the server closed). */
        String echo(String line) throws IOException {
            socket.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            return in.readLine();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static final X509TrustManager TRUST_ALL = new X509TrustManager() {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    };
}
