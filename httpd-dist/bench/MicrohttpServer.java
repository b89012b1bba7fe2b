import org.microhttp.EventLoop;
import org.microhttp.Header;
import org.microhttp.Options;
import org.microhttp.OptionsBuilder;
import org.microhttp.Request;
import org.microhttp.Response;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The JVM baseline for bench/compare.sh: microhttp 0.11 (one selector thread, no virtual
 * threads), serving the same rows as httpd and nginx: GET /hello answers the fixed 13 bytes
 * "Hello, world!", GET /echo the request line and header fields as text/plain (as httpd's echo
 * plugin), and GET /NAME the file NAME of ROOT. microhttp has no sendfile and no file API: the
 * files are read into memory at start-up and copied into every response, which favours it on
 * small files and costs it dearly on large ones.
 * Run with: java -cp microhttp-0.11.jar MicrohttpServer.java PORT ROOT
 */
public class MicrohttpServer {
    private static final byte[] HELLO = "Hello, world!".getBytes(StandardCharsets.US_ASCII);
    private static final List<Header> TEXT = List.of(new Header("Content-Type", "text/plain"));
    private static final List<Header> BINARY =
            List.of(new Header("Content-Type", "application/octet-stream"));

    public static void main(String[] args) throws IOException, InterruptedException {
        Map<String, byte[]> files = readFiles(Path.of(args[1]));
        Options options = OptionsBuilder.newBuilder()
                .withHost("127.0.0.1")
                .withPort(Integer.parseInt(args[0]))
                .withConcurrency(1) // one event loop: the server runs on one core
                .withRequestTimeout(Duration.ofSeconds(65))
                .withAcceptLength(1024)
                .build();
        EventLoop loop = new EventLoop(options, (request, answer) -> answer(files, request, answer));
        loop.start();
        System.out.println("listening on 127.0.0.1:" + loop.getPort());
        loop.join();
    }

    private static void answer(Map<String, byte[]> files, Request request, Consumer<Response> answer) {
        String path = request.uri();
        if (path.equals("/hello")) {
            answer.accept(new Response(200, "OK", TEXT, HELLO));
        } else if (path.equals("/echo")) {
            answer.accept(new Response(200, "OK", TEXT, echo(request)));
        } else if (files.containsKey(path)) {
            answer.accept(new Response(200, "OK", BINARY, files.get(path)));
        } else {
            answer.accept(new Response(404, "Not Found", TEXT, new byte[0]));
        }
    }

    private static byte[] echo(Request request) {
        StringBuilder text = new StringBuilder();
        text.append(request.method()).append(' ').append(request.uri()).append(' ')
                .append(request.version()).append('\n');
        for (Header field : request.headers()) {
            text.append(field.name()).append(": ").append(field.value()).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, byte[]> readFiles(Path root) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        try (Stream<Path> entries = Files.list(root)) {
            for (Path file : entries.filter(Files::isRegularFile).toList()) {
                files.put("/" + file.getFileName(), Files.readAllBytes(file));
            }
        }
        return files;
    }
}
