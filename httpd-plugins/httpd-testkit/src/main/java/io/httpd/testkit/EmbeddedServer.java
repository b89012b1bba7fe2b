package io.httpd.testkit;

import io.httpd.api.Headers;
import io.httpd.api.PluginProvider;
import io.httpd.api.RouteHandler;
import io.httpd.api.RouteHandlerProvider;
import io.httpd.api.ServerView;
import io.httpd.core.Httpd;
import io.httpd.core.config.ConfigErrors;
import io.httpd.core.plugin.PluginException;
import io.httpd.core.plugin.PluginRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The real server, in this process, on a free port of 127.0.0.1: the same config reading,
 * routing, HTTP/1.1 engine and plugin life cycle as {@code bin/httpd}, serving only the
 * providers and handlers given (no plugins/ folder, no built-in plugins).
 *
 * <pre>{@code
 * try (EmbeddedServer server = EmbeddedServer.builder()
 *         .provider(new GreetingProvider())
 *         .toml("""
 *               [[route]]
 *               path = "/hello"
 *               handler = "greeting"
 *               """)
 *         .start()) {
 *     assertEquals("Hello, Ada!\n", server.get("/hello?name=Ada").text());
 * }
 * }</pre>
 */
public final class EmbeddedServer implements AutoCloseable {
    private static final String LISTEN = "[[listen]]\naddress = \"127.0.0.1:0\"\n\n";

    private final Httpd httpd;
    private final ConfigFile file;
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10)).build();

    private EmbeddedServer(Httpd httpd, ConfigFile file) {
        this.httpd = httpd;
        this.file = file;
    }

    /** A server to configure. */
    public static Builder builder() {
        return new Builder();
    }

    /** Sets up an {@link EmbeddedServer}. */
    public static final class Builder {
        private final List<PluginProvider<?>> providers = new ArrayList<>();
        private final StringBuilder toml = new StringBuilder();
        private final StringBuilder mounts = new StringBuilder();

        private Builder() {
        }

        /** Makes a provider available; httpd.toml tables ({@link #toml}) mount it by its id. */
        public Builder provider(PluginProvider<?> provider) {
            providers.add(provider);
            return this;
        }

        /** Mounts a handler instance on a path, as a {@code [[route]]} table would. */
        public Builder route(String path, RouteHandler handler) {
            String id = "test-route-" + providers.size();
            providers.add(new InstanceProvider(id, handler));
            mounts.append("\n[[route]]\npath = ").append(ConfigFile.quote(path))
                    .append("\nhandler = ").append(ConfigFile.quote(id)).append('\n');
            return this;
        }

        /**
         * Makes a provider available and mounts it on a path with these keys of its own
         * (httpd.toml lines, {@code ""} for none), as a {@code [[route]]} table would.
         */
        public Builder route(String path, RouteHandlerProvider provider, String keys) {
            providers.add(provider);
            mounts.append("\n[[route]]\npath = ").append(ConfigFile.quote(path))
                    .append("\nhandler = ").append(ConfigFile.quote(provider.id())).append('\n')
                    .append(keys).append(keys.isEmpty() || keys.endsWith("\n") ? "" : "\n");
            return this;
        }

        /**
         * httpd.toml text: {@code [[route]]}, {@code [[validator]]}, {@code [limits]} ... (a
         * {@code [[listen]]} on a free port is already there). Lines in errors count from this
         * text's first line.
         */
        public Builder toml(String text) {
            toml.append(text).append(text.endsWith("\n") ? "" : "\n");
            return this;
        }

        /**
         * Creates every instance and binds the port.
         *
         * @throws ConfigRefused when the server would refuse the configuration
         */
        public EmbeddedServer start() {
            ConfigFile file = ConfigFile.write(LISTEN, toml.toString(), mounts.toString());
            try {
                List<PluginRegistry.Found> found = new ArrayList<>();
                for (PluginProvider<?> p : providers) {
                    found.add(new PluginRegistry.Found(TestConfig.kind(p), p, "test"));
                }
                Httpd httpd = Httpd.create(file.load(), PluginRegistry.of(found));
                try {
                    httpd.start();
                } catch (IOException e) {
                    httpd.discard();
                    throw new UncheckedIOException(e);
                }
                return new EmbeddedServer(httpd, file);
            } catch (ConfigErrors e) {
                file.delete();
                throw file.refused(e);
            } catch (PluginException e) {
                file.delete();
                throw new IllegalArgumentException(e.getMessage(), e);
            } catch (RuntimeException e) {
                file.delete();
                throw e;
            }
        }
    }

    /** A route handler instance given to {@link Builder#route}, under a generated id. */
    private record InstanceProvider(String id, RouteHandler handler)
            implements RouteHandlerProvider {
        @Override
        public RouteHandler create(io.httpd.api.PluginConfig config, ServerView server) {
            return handler;
        }
    }

    /** The bound port. */
    public int port() {
        return httpd.addresses().getFirst().getPort();
    }

    /** {@code http://127.0.0.1:PORT} followed by an origin-form target such as {@code /a?b}. */
    public URI uri(String target) {
        return URI.create("http://127.0.0.1:" + port() + target);
    }

    /** The live view the server hands plugins (counters included). */
    public ServerView view() {
        return httpd.view();
    }

    /** Sends a GET. */
    public TestResponse get(String target) {
        return send(HttpRequest.newBuilder(uri(target)).GET());
    }

    /** Sends a request with a method, content type and body. */
    public TestResponse send(String method, String target, String contentType, String body) {
        return send(HttpRequest.newBuilder(uri(target)).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    private TestResponse send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> r = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            List<Headers.Field> fields = new ArrayList<>();
            r.headers().map().forEach((name, values) ->
                    values.forEach(v -> fields.add(new Headers.Field(name, v))));
            return new TestResponse(r.statusCode(), Headers.of(fields), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Writes these exact bytes (ISO-8859-1) on a new connection, closes its output, and returns
     * everything the server sent until it closed the connection, for tests of the wire itself.
     */
    public String exchange(String rawRequest) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(rawRequest.getBytes(StandardCharsets.ISO_8859_1));
            socket.shutdownOutput();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops: in-flight exchanges finish (up to 5 s), then every instance is closed. */
    @Override
    public void close() {
        try {
            httpd.stop(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            file.delete();
        }
    }
}
