package io.httpd.core;

import io.httpd.api.AccessLogSink;
import io.httpd.api.AccessRecord;
import io.httpd.api.PluginConfig;
import io.httpd.api.PluginInstance;
import io.httpd.api.PluginProvider;
import io.httpd.api.RequestValidator;
import io.httpd.api.Response;
import io.httpd.api.RouteHandler;
import io.httpd.api.ServerView;
import io.httpd.api.Status;
import io.httpd.core.plugin.PluginKind;
import io.httpd.core.plugin.PluginRegistry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Plugins for the core's tests, recording their lifecycle in {@link #events}: "greet" answers
 * its {@code greeting} (or waits for {@link #release} when {@code hold = true}; "" is a config
 * error, "boom" makes its factory throw); "stream" sends {@code bytes} slowly; "files" reads its
 * keys as the SPI asks (every key first, then the required {@code root}, checked on the file
 * system); validator "deny" refuses paths under its {@code prefix}; the "lines" sink appends
 * {@code FORMAT REQUEST-ID STATUS} to {@link #lines}.
 */
final class TestPlugins {
    final Queue<String> events = new ConcurrentLinkedQueue<>();
    final Queue<String> lines = new ConcurrentLinkedQueue<>();
    final CountDownLatch held = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    /** A provider made of an id and a factory: the SPI's shape, written once for the tests. */
    record Provider<T extends PluginInstance>(String id, Factory<T> factory)
            implements PluginProvider<T> {
        @Override
        public T create(PluginConfig config, ServerView server) throws Exception {
            return factory.create(config, server);
        }
    }

    /** {@link PluginProvider#create} as a lambda. */
    interface Factory<T> {
        T create(PluginConfig config, ServerView server) throws Exception;
    }

    /** greet, stream and the lines sink: the reload tests' plugins. */
    PluginRegistry registry() throws Exception {
        return PluginRegistry.of(List.of(route("greet", this::greet),
                route("stream", TestPlugins::stream),
                found(PluginKind.ACCESS_LOG, "lines", this::lines)));
    }

    /** files, greet and the deny validator: the assembly tests' plugins. */
    PluginRegistry assembly() throws Exception {
        return PluginRegistry.of(List.of(route("files", TestPlugins::files),
                route("greet", this::greet),
                found(PluginKind.VALIDATOR, "deny", TestPlugins::deny)));
    }

    static PluginRegistry.Found route(String id, Factory<RouteHandler> factory) {
        return found(PluginKind.ROUTE, id, factory);
    }

    static <T extends PluginInstance> PluginRegistry.Found found(PluginKind kind, String id,
            Factory<T> factory) {
        return new PluginRegistry.Found(kind, new Provider<>(id, factory), "test");
    }

    private RouteHandler greet(PluginConfig config, ServerView server) {
        String greeting = config.string("greeting", "hello");
        boolean hold = config.bool("hold", false);
        if (greeting.isEmpty()) {
            throw config.error("greeting", "must not be empty");
        }
        if (greeting.equals("boom")) {
            throw new IllegalStateException("factory exploded");
        }
        events.add("create " + greeting);
        return new RouteHandler() {
            @Override
            public Response handle(io.httpd.api.Request request) {
                if (hold) {
                    held.countDown();
                    awaitRelease();
                }
                return Response.text(Status.OK, greeting + "\n");
            }

            @Override
            public void reload() {
                events.add("reload " + greeting);
            }

            @Override
            public void close() {
                events.add("close " + greeting);
            }
        };
    }

    private void awaitRelease() {
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static RouteHandler stream(PluginConfig config, ServerView server) {
        long bytes = config.size("bytes", 1024);
        return request -> new Response(Status.OK, io.httpd.api.Headers.of(),
                new Response.Body.Streamed(bytes, out -> {
                    byte[] chunk = new byte[64 * 1024];
                    for (long sent = 0; sent < bytes; sent += chunk.length) {
                        java.util.Arrays.fill(chunk, (byte) ('a' + (sent / chunk.length) % 26));
                        out.write(chunk, 0, (int) Math.min(chunk.length, bytes - sent));
                    }
                }));
    }

    private static RouteHandler files(PluginConfig config, ServerView server) {
        Duration ttl = config.duration("ttl", Duration.ofSeconds(1));
        if (ttl.compareTo(Duration.ofHours(1)) > 0) {
            throw config.error("ttl", "at most 1h");
        }
        config.bool("listing", false);
        Path root = config.path("root").orElseThrow(() -> config.error("root", "required"));
        if (!Files.isDirectory(root)) {
            throw config.error("root", "no such directory");
        }
        return request -> Response.text(Status.OK, "files\n");
    }

    private static RequestValidator deny(PluginConfig config, ServerView server) {
        String prefix = config.requireString("prefix");
        return r -> r.path().startsWith(prefix)
                ? RequestValidator.Verdict.reject(Status.FORBIDDEN, "denied by prefix")
                : RequestValidator.Verdict.ACCEPT;
    }

    private AccessLogSink lines(PluginConfig config, ServerView server) {
        String format = config.string("format", "plain");
        events.add("create sink " + format);
        return new AccessLogSink() {
            @Override
            public void log(AccessRecord r) {
                lines.add(format + " " + r.requestId() + " " + r.status());
            }

            @Override
            public void close() {
                events.add("close sink " + format);
            }
        };
    }
}
