package io.httpd.core;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code bin/httpd --dev-cert DIR}: a self-signed EC P-256 certificate for {@code localhost},
 * {@code 127.0.0.1} and {@code ::1}, valid 90 days, written as {@code DIR/server.crt} and
 * {@code DIR/server.key} (PKCS#8 PEM, readable by its owner only): the files the shipped
 * config's TLS listener names. The JDK has no API to make a certificate, so the image's own
 * keytool makes it; no OpenSSL needed. Existing files are never overwritten.
 */
final class DevCertificate {
    private static final String PASSWORD = "dev-cert";

    private DevCertificate() {
    }

    static int write(Path dir, PrintStream out, PrintStream err) {
        Path crt = dir.resolve("server.crt");
        Path key = dir.resolve("server.key");
        for (Path p : List.of(crt, key)) {
            if (Files.exists(p)) {
                err.println("httpd: " + p + " exists; not overwritten");
                return Main.RUNTIME_FAILURE;
            }
        }
        try {
            Files.createDirectories(dir);
            Path p12 = Files.createTempFile(dir, "dev-cert", ".p12");
            Files.delete(p12); // keytool creates it
            try {
                keytool(p12);
                KeyStore store = KeyStore.getInstance(p12.toFile(), PASSWORD.toCharArray());
                Files.writeString(key, "", StandardCharsets.US_ASCII);
                ownerOnly(key);
                Files.writeString(key, pem("PRIVATE KEY",
                        store.getKey("server", PASSWORD.toCharArray()).getEncoded()));
                Files.writeString(crt, pem("CERTIFICATE",
                        store.getCertificate("server").getEncoded()));
            } finally {
                Files.deleteIfExists(p12);
            }
        } catch (IOException | GeneralSecurityException e) {
            err.println("httpd: --dev-cert: " + e.getMessage());
            return Main.RUNTIME_FAILURE;
        }
        out.println("wrote " + crt + " and " + key + ": self-signed for localhost, 127.0.0.1 "
                + "and ::1, valid 90 days; for development only");
        return Main.OK;
    }

    private static void keytool(Path p12) throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-keystore",
                p12.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD, "-alias", "server",
                "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "90",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1,ip:::1",
                "-ext", "EKU=serverAuth").redirectErrorStream(true).start();
        try {
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("keytool failed: " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its defaults apply
        }
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }
}
