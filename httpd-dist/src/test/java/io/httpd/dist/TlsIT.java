package io.httpd.dist;

import io.httpd.testkit.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The image serves TLS with the built-in pem provider beside a plain listener, to clients we
 * did not write: the JDK's HttpClient, curl and openssl s_client (skipped, saying so, where
 * they are not installed). SIGHUP reloads a certificate replaced on disk: new connections get
 * it, an open one keeps working. Keys are made by the test with keytool.
 */
class TlsIT {
    private static final Pattern LISTEN =
            Pattern.compile("server\\.listen address=\"[^\"]*:(\\d+)\"( tls=\"true\")?");
    private static final String PASSWORD = "test-pass";

    @TempDir
    static Path dir;
    static ImageProcess server;
    static int plainPort;
    static int tlsPort;
    static X509Certificate first;
    static volatile X509Certificate current;

    @BeforeAll
    static void start() throws Exception {
        first = writePem("first");
        Path config = ImageProcess.writeConfig(dir, ImageProcess.ANY_PORT + "\n" + ImageProcess.TLS_ON_ANY_PORT
                + """

                [[route]]
                path = "/echo"
                handler = "echo"
                """);
        server = ImageProcess.serve(dir, config);
        Await.until(() -> {
            Matcher m = LISTEN.matcher(server.output());
            while (m.find()) {
                if (m.group(2) != null) {
                    tlsPort = Integer.parseInt(m.group(1));
                } else {
                    plainPort = Integer.parseInt(m.group(1));
                }
            }
            return tlsPort > 0 && plainPort > 0;
        }, Duration.ofSeconds(10), () -> "both listeners bound:\n" + server.output());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A self-signed EC certificate for localhost and 127.0.0.1, as server.crt/server.key. */
    static X509Certificate writePem(String name) throws Exception {
        Path p12 = dir.resolve(name + ".p12");
        run(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                "-keystore", p12.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD,
                "-alias", "server", "-keyalg", "EC", "-dname", "CN=" + name, "-validity", "30",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1");
        KeyStore store = KeyStore.getInstance(p12.toFile(), PASSWORD.toCharArray());
        X509Certificate cert = (X509Certificate) store.getCertificate("server");
        Files.writeString(dir.resolve("server.crt.new"), pem("CERTIFICATE", cert.getEncoded()));
        Files.writeString(dir.resolve("server.key"), pem("PRIVATE KEY",
                store.getKey("server", PASSWORD.toCharArray()).getEncoded()));
        Files.move(dir.resolve("server.crt.new"), dir.resolve("server.crt"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(dir.resolve(name + ".pem"), pem("CERTIFICATE", cert.getEncoded()));
        // what clients trust: the reload test replaces it (test order is not fixed)
        Files.writeString(dir.resolve("current.pem"), pem("CERTIFICATE", cert.getEncoded()));
        current = cert;
        return cert;
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(der) + "\n-----END " + label + "-----\n";
    }

    static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "did not end: " + List.of(command));
        return "exit=" + p.exitValue() + "\n" + out;
    }

    private static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void jdkHttpClientOverTlsAndPlainBesideIt() throws Exception {
        try (HttpClient client = HttpClient.newBuilder().sslContext(trustingCurrent()).build()) {
            HttpResponse<String> tls = client.send(HttpRequest.newBuilder(
                    URI.create("https://localhost:" + tlsPort + "/echo")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, tls.statusCode());
            assertEquals(HttpClient.Version.HTTP_1_1, tls.version(), "ALPN chose http/1.1");
            assertEquals("TLSv1.3", tls.sslSession().orElseThrow().getProtocol());
            HttpResponse<String> plain = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + plainPort + "/echo")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, plain.statusCode());
        }
    }

    @Test
    void curlTls12And13AndTls11Refused() throws Exception {
        assumeTrue(onPath("curl"), "curl is not installed: skipping the curl checks");
        String url = "https://localhost:" + tlsPort + "/echo";
        String resolve = "localhost:" + tlsPort + ":127.0.0.1";
        for (String version : List.of("1.2", "1.3")) {
            String out = run("curl", "-sS", "-o", "/dev/null", "-w", "%{http_code} %{http_version}",
                    "--cacert", "current.pem", "--resolve", resolve, "--tlsv" + version,
                    "--tls-max", version, url);
            assertEquals("exit=0\n200 1.1", out, "TLS " + version);
        }
        String old = run("curl", "-sS", "-o", "/dev/null", "--cacert", "current.pem",
                "--resolve", resolve, "--tlsv1.1", "--tls-max", "1.1", url);
        assertTrue(!old.startsWith("exit=0"), old);
    }

    @Test
    void opensslSeesAlpnHttp11AndRefusesH2Only() throws Exception {
        assumeTrue(onPath("openssl"), "openssl is not installed: skipping the s_client checks");
        String connect = "127.0.0.1:" + tlsPort;
        String ok = run("openssl", "s_client", "-connect", connect, "-servername", "localhost",
                "-alpn", "h2,http/1.1", "-CAfile", "current.pem", "-verify_return_error");
        assertTrue(ok.contains("ALPN protocol: http/1.1"), ok);
        assertTrue(ok.contains("TLSv1.3"), ok);
        assertTrue(ok.contains("Verify return code: 0 (ok)"), ok);
        long start = System.nanoTime();
        String h2 = run("openssl", "s_client", "-connect", connect, "-servername", "localhost",
                "-alpn", "h2");
        assertTrue(h2.contains("no application protocol"), h2);
        assertTrue(System.nanoTime() - start < 10_000_000_000L, "no hang");
    }

    @Test
    void sighupReloadsTheCertificateForNewConnectionsOnly() throws Exception {
        try (SSLSocket old = connect(); var in = old.getInputStream()) {
            assertEquals(current, old.getSession().getPeerCertificates()[0]);
            X509Certificate second = writePem("second");
            server.signal("HUP");
            server.awaitOutput("tls.reload");
            try (SSLSocket fresh = connect()) {
                assertEquals(second, fresh.getSession().getPeerCertificates()[0]);
            }
            old.getOutputStream().write("GET /echo HTTP/1.1\r\nHost: localhost\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] head = in.readNBytes(15);
            assertEquals("HTTP/1.1 200 OK", new String(head, StandardCharsets.US_ASCII),
                    "the open connection goes on with its session");
            assertNotEquals(second, old.getSession().getPeerCertificates()[0]);
        }
    }

    /** A client context that trusts the certificate the server serves now, and nothing else. */
    private static SSLContext trustingCurrent() throws GeneralSecurityException, IOException {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("server", current);
        var tmf = javax.net.ssl.TrustManagerFactory.getInstance("PKIX");
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    /** A TLS connection to the server, for localhost (SNI), trusting what it serves now. */
    private static SSLSocket connect() throws Exception {
        SSLSocket s = (SSLSocket) trustingCurrent().getSocketFactory()
                .createSocket(InetAddress.getLoopbackAddress(), tlsPort);
        s.setSoTimeout(5000);
        SSLParameters p = s.getSSLParameters();
        p.setServerNames(List.of(new SNIHostName("localhost")));
        s.setSSLParameters(p);
        s.startHandshake();
        return s;
    }

    @Test
    void checkModeLoadsTheCertificatesAndNamesABadFile() throws Exception {
        Path bad = dir.resolve("bad");
        Files.createDirectories(bad);
        Files.copy(dir.resolve("first.pem"), bad.resolve("server.crt"));
        Files.writeString(bad.resolve("server.key"), pem("PRIVATE KEY", java.security
                .KeyPairGenerator.getInstance("EC").generateKeyPair().getPrivate().getEncoded()));
        Path config = ImageProcess.writeConfig(bad, ImageProcess.TLS_ON_ANY_PORT);
        ImageProcess.Result result = ImageProcess.run(bad, "-t", "-c", config.toString());
        List<String> lines = new ArrayList<>(result.output().lines().toList());
        assertEquals(2, result.exit(), result.output());
        assertTrue(result.output().contains(bad.resolve("server.crt") + ": the private key does"
                + " not match"), result.output());
        assertTrue(lines.size() < 10, "no stack trace: " + result.output());
    }

    /** --dev-cert writes what the shipped config's commented TLS listener names; -t shows it. */
    @Test
    void devCertMakesTheShippedTlsListenerWork() throws Exception {
        Path home = dir.resolve("shipped");
        Files.createDirectories(home.resolve("conf"));
        String shipped = Files.readString(ImageProcess.IMAGE.resolve("conf/httpd.toml"));
        assertTrue(shipped.contains("# tls = \"main\""), shipped);
        StringBuilder enabled = new StringBuilder();
        boolean inBlock = false;
        for (String line : shipped.lines().toList()) {
            inBlock |= line.startsWith("# [[listen]]");
            inBlock &= !line.isEmpty();
            enabled.append(inBlock && line.startsWith("#") ? line.replaceFirst("^# ?", "") : line)
                    .append('\n');
        }
        Path config = Files.writeString(home.resolve("conf/httpd.toml"), enabled.toString()
                .replace("0.0.0.0:8080", "127.0.0.1:0").replace("0.0.0.0:8443", "127.0.0.1:0")
                .replace("127.0.0.1:9090", "127.0.0.1:0")); // free ports: other images may run
        Files.createDirectories(home.resolve("www"));
        Files.createDirectories(home.resolve("logs"));

        ImageProcess.Result made = ImageProcess.run(home, "--dev-cert", "conf/certs");
        assertEquals(0, made.exit(), made.output());
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(home.resolve("conf/certs/server.key"))));
        ImageProcess.Result again = ImageProcess.run(home, "--dev-cert", "conf/certs");
        assertEquals(1, again.exit(), again.output());
        assertTrue(again.output().contains("exists; not overwritten"), again.output());

        ImageProcess.Result check = ImageProcess.run(home, "-t", "-c", config.toString());
        assertEquals(0, check.exit(), check.output());
        assertTrue(check.output().contains("tls.main: CN=localhost; names localhost, 127.0.0.1, "
                + "0:0:0:0:0:0:0:1; issuer CN=localhost; expires "), check.output());
    }
}
