package io.httpd.dist;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The image ships no conf/logback.xml (its log format is built in, ServerLog), but a logback.xml
 * beside httpd.toml still configures the server log, as README.md says.
 */
class ServerLogIT {
    @TempDir
    Path dir;
    @RegisterExtension
    final ServedImage image = new ServedImage();

    @Test
    void theImageShipsTheFormatAsAnExampleNotAsConfig() {
        assertTrue(Files.isRegularFile(ImageProcess.IMAGE.resolve("conf/logback.xml.example")));
        assertTrue(Files.notExists(ImageProcess.IMAGE.resolve("conf/logback.xml")));
    }

    @Test
    void aLogbackXmlBesideTheConfigWins() throws Exception {
        Files.writeString(dir.resolve("logback.xml"), """
                <configuration>
                  <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>mine %-5level %logger{0} %msg %kvp%n</pattern></encoder>
                  </appender>
                  <root level="INFO"><appender-ref ref="out"/></root>
                </configuration>
                """);
        ImageProcess server = image.serve(dir, ImageProcess.ECHO_ON_ANY_PORT);
        assertTrue(server.output().lines().anyMatch(line -> line.equals(
                "mine INFO  HttpServer server.listen address=\"127.0.0.1:" + server.port() + "\"")),
                server.output());
    }
}
