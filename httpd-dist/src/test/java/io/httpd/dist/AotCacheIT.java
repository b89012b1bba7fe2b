package io.httpd.dist;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The image's AOT cache, as the build trained it (src/build/train-aot.sh), holds every class of
 * ours that the exchanges of the shipped config need, so that none is read and linked from the
 * runtime image at the first request; and the process never builds a Jackson mapper (the data
 * binding, some 500 classes that would stay in memory: README.md, "Memory and JVM options").
 */
class AotCacheIT {
    @TempDir
    Path dir;

    @Test
    void theTrainedExchangesFindTheirClassesInTheCacheAndNoMapperIsBuilt() throws Exception {
        Path classes = dir.resolve("classes.txt");
        Path config = ImageProcess.writeConfig(dir, """
                [[listen]]
                address = "127.0.0.1:0"

                [admin]
                address = "127.0.0.1:0"

                [[route]]
                path = "/"
                handler = "static"
                root = "%s"

                [[route]]
                path = "/echo"
                handler = "echo"

                [[route]]
                path = "/info"
                handler = "info"
                detail = "full"
                """.formatted(ImageProcess.IMAGE.resolve("www").toAbsolutePath()));
        try (ImageProcess server = ImageProcess.startUnder(List.of("env",
                "HTTPD_JAVA_OPTS=-Xlog:class+load=info:file=" + classes), dir, "-c", config.toString())) {
            List<Integer> ports = server.awaitPorts(2);
            assertEquals(200, RawHttp.get(ports.get(0), "/echo?i=1").status());
            assertEquals(200, RawHttp.get(ports.get(0), "/", "Accept-Encoding: gzip").status());
            assertEquals(200, RawHttp.get(ports.get(0), "/info").status());
            assertEquals(200, RawHttp.get(ports.get(1), "/status").status());
            assertEquals(200, RawHttp.get(ports.get(1), "/status?format=json").status());
            server.signal("TERM");
            assertEquals(0, server.awaitExit(Duration.ofSeconds(20)), server.output());
        }
        List<String> loaded = Files.readAllLines(classes);
        assertTrue(loaded.stream().anyMatch(l -> l.contains("io.httpd.core.Main source: shared")),
                "the cache was used");
        List<String> fromImage = loaded.stream().filter(l -> l.contains("source: jrt:/io.httpd")).toList();
        assertEquals(List.of(), fromImage, "classes of ours read from lib/modules, not the cache");
        List<String> mappers = loaded.stream()
                .filter(l -> l.contains("tools.jackson.databind.ObjectMapper ")).toList();
        assertEquals(List.of(), mappers, "a Jackson mapper was built");
    }
}
