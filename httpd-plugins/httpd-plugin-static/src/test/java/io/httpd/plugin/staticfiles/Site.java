package io.httpd.plugin.staticfiles;

import io.httpd.testkit.TestTable;
import io.httpd.api.Headers;
import io.httpd.api.Method;
import io.httpd.api.Request;
import io.httpd.api.Response;
import io.httpd.api.Response.Body;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A site in a temporary folder and a handler over it, with a settable clock, a recording
 * logger, and helpers that build requests and read any response body into bytes. A JUnit
 * extension: {@code @RegisterExtension final Site site = new Site();} gives each test a fresh
 * {@code www/} folder ({@link #root}) inside a temporary {@link #folder}, removed afterwards.
 */
final class Site implements BeforeEachCallback, AfterEachCallback {
    /** The wall time the tests pretend it is: well after every file's modification time. */
    static final Instant NOW = Instant.parse("2026-03-05T12:00:00Z");
    /** The modification time files get unless a test sets another. */
    static final Instant MTIME = Instant.parse("2026-03-01T08:00:00.123456789Z");

    /** The folder that holds {@code www/}: a place for files outside the site. */
    Path folder;
    Path root;
    final AtomicLong nanoTime = new AtomicLong(1_000_000_000L);
    Instant now = NOW;
    final List<String> logged = new ArrayList<>();
    /** The file {@link #page(String, String)} named, written before each test. */
    Path page;
    private final Map<String, Object> config = new HashMap<>();
    private StaticHandler handler;
    private String pageName;
    private String pageContent;

    /** A site whose folders are made before each test (as an extension). */
    Site() {
    }

    /** A second site over an existing root, for comparisons. */
    Site(Path root) {
        this.folder = root.getParent();
        this.root = root;
        config.put("root", root.toString());
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        folder = Files.createTempDirectory("site");
        root = Files.createDirectories(folder.resolve("www"));
        config.put("root", root.toString());
        if (pageName != null) {
            page = file(pageName, pageContent);
        }
    }

    /** Has each test start with this file under the root ({@link #page}). */
    Site page(String relative, String content) {
        pageName = relative;
        pageContent = content;
        return this;
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Sets a config key (before the first request). */
    Site with(String key, Object value) {
        config.put(key, value);
        handler = null;
        return this;
    }

    /** Writes a file under the root with the default modification time. */
    Path file(String relative, String content) throws IOException {
        return file(relative, content.getBytes(StandardCharsets.UTF_8), MTIME);
    }

    /** Writes a file under the root anew, a minute after the default modification time. */
    Path rewrite(String relative, String content) throws IOException {
        return file(relative, content.getBytes(StandardCharsets.UTF_8), MTIME.plusSeconds(60));
    }

    Path file(String relative, byte[] content, Instant mtime) throws IOException {
        Path path = root.resolve(relative);
        Files.createDirectories(path.getParent());
        Files.write(path, content);
        Files.setLastModifiedTime(path, FileTime.from(mtime));
        return path;
    }

    Path dir(String relative) throws IOException {
        return Files.createDirectories(root.resolve(relative));
    }

    StaticHandler handler() {
        if (handler == null) {
            TestTable table = TestTable.of("route[0]", config, root.getParent());
            InstantSource clock = () -> now;
            handler = new StaticHandler(StaticConfig.read(table), clock, nanoTime::get,
                    new RecordingLogger(logged));
        }
        return handler;
    }

    Response get(String path, String... fields) throws IOException {
        return send(Method.GET, "/", path, "", fields);
    }

    /** The body a GET of this path answers with now, as text. */
    String body(String path) throws IOException {
        return text(get(path));
    }

    /** The ETag a GET of this path answers with now. */
    String etag(String path) throws IOException {
        return get(path).headers().first("ETag").orElseThrow();
    }

    Response head(String path, String... fields) throws IOException {
        return send(Method.HEAD, "/", path, "", fields);
    }

    Response send(Method method, String route, String path, String query, String... fields)
            throws IOException {
        String target = PercentEncoding.path(path) + (query.isEmpty() ? "" : "?" + query);
        Request request = new Request(method, target, path, query, "HTTP/1.1",
                Headers.of(fields), new InetSocketAddress("127.0.0.1", 5555), route,
                InputStream.nullInputStream());
        return handler().handle(request);
    }

    /** The ETag the handler gives a file's current state, for one content coding. */
    static String etag(Path file, String coding) throws IOException {
        long nanos = Files.getLastModifiedTime(file).to(java.util.concurrent.TimeUnit.NANOSECONDS);
        return EntityTag.of(Files.size(file), nanos, coding).toString();
    }

    /** The content a response's body would put on the wire. */
    static byte[] bytes(Response response) throws IOException {
        return switch (response.body()) {
            case Body.Empty e -> new byte[0];
            case Body.Bytes b -> b.bytes();
            case Body.FileRegion f -> region(f);
            case Body.Streamed s -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                s.writer().writeTo(out);
                if (s.length() >= 0 && out.size() != s.length()) {
                    throw new AssertionError("streamed " + out.size() + " of " + s.length());
                }
                yield out.toByteArray();
            }
        };
    }

    static String text(Response response) throws IOException {
        return new String(bytes(response), StandardCharsets.ISO_8859_1);
    }

    private static byte[] region(Body.FileRegion region) throws IOException {
        try (FileChannel file = FileChannel.open(region.file(), StandardOpenOption.READ)) {
            file.position(region.offset());
            byte[] content = Channels.newInputStream(file).readNBytes((int) region.length());
            if (content.length != region.length()) {
                throw new AssertionError("file region beyond the end of " + region.file());
            }
            return content;
        }
    }

    /**
     * The fields of a whole file's 200 ({@link #fields} form), its modification time the
     * default one.
     */
    static String okFields(Path file, String contentType) throws IOException {
        return "Content-Type: " + contentType + "\n"
                + "Accept-Ranges: bytes\n"
                + "ETag: " + etag(file, "") + "\n"
                + "Last-Modified: Sun, 01 Mar 2026 08:00:00 GMT\n";
    }

    /** Every field as {@code Name: value} lines, in order, for exact comparison. */
    static String fields(Response response) {
        StringBuilder out = new StringBuilder();
        for (Headers.Field f : response.headers()) {
            out.append(f.name()).append(": ").append(f.value()).append('\n');
        }
        return out.toString();
    }

    /** A System.Logger that keeps every message logged at INFO or above. */
    private record RecordingLogger(List<String> messages) implements System.Logger {
        @Override
        public String getName() {
            return "test";
        }

        @Override
        public boolean isLoggable(Level level) {
            return level.getSeverity() >= Level.INFO.getSeverity();
        }

        @Override
        public void log(Level level, Supplier<String> message) {
            if (isLoggable(level)) {
                messages.add(message.get());
            }
        }

        @Override
        public void log(Level level, java.util.ResourceBundle bundle, String msg, Throwable t) {
            if (isLoggable(level)) {
                messages.add(msg);
            }
        }

        @Override
        public void log(Level level, java.util.ResourceBundle bundle, String format,
                        Object... params) {
            if (isLoggable(level)) {
                messages.add(java.text.MessageFormat.format(format, params));
            }
        }
    }
}
