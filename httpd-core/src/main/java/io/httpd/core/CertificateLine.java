package io.httpd.core;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** A certificate as {@code httpd -t} prints it: subject, names, issuer, expiry. */
final class CertificateLine {
    private CertificateLine() {
    }

    static String of(X509Certificate cert) {
        Instant notAfter = cert.getNotAfter().toInstant();
        long days = Duration.between(Instant.now(), notAfter).toDays();
        return cert.getSubjectX500Principal().getName() + "; names " + String.join(", ", names(cert))
                + "; issuer " + cert.getIssuerX500Principal().getName() + "; expires " + notAfter
                + " (" + days + " days)";
    }

    private static List<String> names(X509Certificate cert) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> sans = cert.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    names.add(String.valueOf(san.get(1)));
                }
            }
        } catch (CertificateParsingException e) {
            names.add("(unreadable: " + e.getMessage() + ")");
        }
        return names.isEmpty() ? List.of("(none)") : names;
    }
}
