package io.httpd.dist;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** bin/httpd's command line from the real image (DESIGN.md "Distribution and command line"). */
class ImageCommandLineIT {
    @TempDir
    Path dir;

    @Test
    void versionPrintsServerAndJavaVersions() throws Exception {
        ImageProcess.Result r = ImageProcess.run(dir, "-v");
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().matches("(?s)httpd \\d+\\.\\d+\\.\\d+.*\\nJava 25.*"), r.output());
    }

    @Test
    void checkAcceptsTheShippedConfigFromAnyWorkingDirectory() throws Exception {
        Path conf = ImageProcess.IMAGE.resolve("conf/httpd.toml").toAbsolutePath();
        ImageProcess.Result r = ImageProcess.run(dir, "-t", "-c", conf.toString());
        assertEquals(0, r.exit(), r.output());
        assertEquals(conf + ": ok (2 routes, 3 plugin instances, 9 plugins found)", r.output());
    }

    @Test
    void checkRefusesABrokenConfigNamingFileLineAndKey() throws Exception {
        Path file = ImageProcess.writeConfig(dir, """
                [[listen]]
                address = "127.0.0.1:0"

                [limits]
                header_bytes = "lots"
                """);
        ImageProcess.Result r = ImageProcess.run(dir, "-t", "-c", file.toString());
        assertEquals(2, r.exit(), r.output());
        assertTrue(r.output().startsWith(file + ":5: limits.header_bytes: "), r.output());
    }

    @Test
    void listPluginsShowsTheBuiltInPlugins() throws Exception {
        ImageProcess.Result r = ImageProcess.run(dir, "--list-plugins");
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().matches("(?s)KIND +ID +MODULE +SOURCE\\n"
                + "route +echo +io\\.httpd\\.plugin\\.echo@\\S+ +built-in\\n"
                + "route +static +io\\.httpd\\.plugin\\.staticfiles@\\S+ +built-in\\n"
                + "validator +access +io\\.httpd\\.plugin\\.guard@\\S+ +built-in\\n"
                + "validator +basic-auth +io\\.httpd\\.plugin\\.guard@\\S+ +built-in\\n"
                + "validator +ratelimit +io\\.httpd\\.plugin\\.guard@\\S+ +built-in\\n"
                + "access_log +file +io\\.httpd\\.plugin\\.accesslog@\\S+ +built-in\\n"
                + "access_log +json +io\\.httpd\\.plugin\\.accesslog@\\S+ +built-in\\n"
                + "tls +keystore +io\\.httpd\\.plugin\\.tls@\\S+ +built-in\\n"
                + "tls +pem +io\\.httpd\\.plugin\\.tls@\\S+ +built-in"),
                r.output());
    }

    @Test
    void aPortInUseIsOneLineAndExitOne() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            Path file = ImageProcess.writeConfig(dir, """
                    [[listen]]
                    address = "127.0.0.1:%d"
                    """.formatted(taken.getLocalPort()));
            ImageProcess.Result r = ImageProcess.run(dir, "-c", file.toString());
            assertEquals(1, r.exit(), r.output());
            assertTrue(r.output().contains("httpd: cannot listen on 127.0.0.1:"
                    + taken.getLocalPort() + ": "), r.output());
            assertTrue(!r.output().contains("\tat "), "no stack trace: " + r.output());
        }
    }
}
