package io.httpd.dist;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The image's sdk/ works alone: its sample project builds with one {@code mvn package} in a
 * clean local repository, offline, every dependency (httpd-api, the test kit, httpd-core and
 * its libraries, JUnit) coming from sdk/repository; only Maven's own plugins come from this
 * machine's Maven cache, served as a file repository in Central's place. What it leaves in
 * target/plugins/ is then dropped into the image and answers over HTTP.
 */
class SdkExampleIT {
    private static final Path MAVEN_CACHE = Path.of(System.getProperty("httpd.maven.repo",
            System.getProperty("user.home") + "/.m2/repository"));

    @TempDir
    Path dir;

    @Test
    void theSampleBuildsFromTheSdkAloneAndServesAGreeting() throws Exception {
        Path sdk = copy(ImageProcess.IMAGE.resolve("sdk"), dir.resolve("sdk"));
        Path example = sdk.resolve("example");
        String log = mvn(example, dir.resolve("local-repository"), settings());
        Path plugin = example.resolve("target/plugins/greeting");
        assertTrue(Files.isRegularFile(plugin.resolve("greeting.jar")), log);
        assertTrue(log.contains("Tests run: 8, Failures: 0, Errors: 0, Skipped: 0"), log);
        assertEquals("httpd-sdk", origin(dir.resolve("local-repository/io/httpd/httpd-api")), log);
        assertEquals("httpd-sdk", origin(dir.resolve("local-repository/tools/jackson/core/jackson-databind")));

        copy(plugin, dir.resolve("plugins/greeting"));
        Path config = ImageProcess.writeConfig(dir, ImageProcess.PLUGINS_ON_ANY_PORT + """

                [[route]]
                path = "/hello"
                handler = "greeting"
                """);
        ImageProcess.Result list = ImageProcess.run(dir, "--list-plugins", "-c", config.toString());
        assertTrue(list.output().lines().anyMatch(l -> l.matches(
                "route +greeting +example\\.greeting@1\\.0\\.0 +plugins/greeting")), list.output());
        try (ImageProcess server = ImageProcess.serve(dir, config)) {
            int port = server.port();
            RawHttp response = RawHttp.get(port, "/hello?name=Ada");
            assertEquals(200, response.status(), response.head());
            assertEquals("Hello, Ada!\n", new String(response.body(), StandardCharsets.UTF_8));
        }
    }

    /** Maven's plugins from the machine's cache, as a file repository: nothing else. */
    private Path settings() throws Exception {
        return Files.writeString(dir.resolve("settings.xml"), """
                <settings>
                  <profiles>
                    <profile>
                      <id>maven-plugins</id>
                      <pluginRepositories>
                        <pluginRepository>
                          <id>maven-cache</id>
                          <url>%s</url>
                        </pluginRepository>
                      </pluginRepositories>
                    </profile>
                  </profiles>
                  <activeProfiles>
                    <activeProfile>maven-plugins</activeProfile>
                  </activeProfiles>
                </settings>
                """.formatted(MAVEN_CACHE.toUri()));
    }

    private static String mvn(Path project, Path localRepository, Path settings) throws Exception {
        List<String> command = List.of("mvn", "-B", "-o", "-Daether.offline.protocols=file",
                "-s", settings.toString(), "-Dmaven.repo.local=" + localRepository, "package");
        Path log = project.resolveSibling("mvn.log");
        Process p = new ProcessBuilder(command).directory(project.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(15, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("mvn package did not finish:\n" + Files.readString(log));
        }
        String output = Files.readString(log);
        assertEquals(0, p.exitValue(), output);
        return output;
    }

    /** The repository id an artifact of the local repository was resolved from. */
    private static String origin(Path artifact) throws Exception {
        try (Stream<Path> files = Files.walk(artifact)) {
            Path record = files.filter(f -> f.getFileName().toString()
                    .equals("_remote.repositories")).findFirst().orElseThrow();
            return Files.readAllLines(record).stream().filter(l -> l.contains(".jar>"))
                    .map(l -> l.substring(l.indexOf('>') + 1, l.indexOf('='))).findFirst()
                    .orElseThrow();
        }
    }

    private static Path copy(Path from, Path to) throws Exception {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(f).toString().replace(File.separator, "/"));
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        return to;
    }
}
