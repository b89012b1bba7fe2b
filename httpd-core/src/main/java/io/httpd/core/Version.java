package io.httpd.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The server's version, from the build. */
final class Version {
    private Version() {
    }

    /** The Java runtime, as {@code -v} and the server view show it: version and vendor. */
    static String runtime() {
        return Runtime.version() + " (" + System.getProperty("java.vendor") + ")";
    }

    static String current() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
