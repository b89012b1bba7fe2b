package io.httpd.core;

import io.httpd.api.AccessLogSink;
import io.httpd.api.AccessLogSinkProvider;
import io.httpd.api.AccessRecord;
import io.httpd.api.PluginConfig;
import io.httpd.api.Response;
import io.httpd.api.RouteHandler;
import io.httpd.api.RouteHandlerProvider;
import io.httpd.api.ServerView;
import io.httpd.api.Status;
import io.httpd.core.plugin.PluginKind;
import io.httpd.core.plugin.PluginRegistry;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Plugins for reload tests, recording their lifecycle in {@link #events}: "greet" answers its
 * {@code greeting} (or waits for {@link #release} when {@code hold = true}; "boom" makes its
 * factory throw); "stream" sends {@code bytes} slowly; the "lines" sink appends
 * {@code FORMAT REQUEST-ID STATUS} to {@link #lines}.
 */
final class ReloadPlugins {
    final Queue<String> events = new ConcurrentLinkedQueue<>();
    final Queue<String> lines = new ConcurrentLinkedQueue<>();
    final CountDownLatch held = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    PluginRegistry registry() throws Exception {
        return PluginRegistry.of(List.of(
                new PluginRegistry.Found(PluginKind.ROUTE, new Greet(), "test"),
                new PluginRegistry.Found(PluginKind.ROUTE, new Stream(), "test"),
                new PluginRegistry.Found(PluginKind.ACCESS_LOG, new Lines(), "test")));
    }

    private final class Greet implements RouteHandlerProvider {
        @Override
        public String id() {
            return "greet";
        }

        @Override
        public RouteHandler create(PluginConfig config, ServerView server) {
            String greeting = config.string("greeting", "hello");
            boolean hold = config.bool("hold", false);
            if (greeting.equals("boom")) {
                throw new IllegalStateException("factory exploded");
            }
            events.add("create " + greeting);
            return new RouteHandler() {
                @Override
                public Response handle(io.httpd.api.Request request) {
                    if (hold) {
                        held.countDown();
                        try {
                            release.await(10, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
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
    }

    private static final class Stream implements RouteHandlerProvider {
        @Override
        public String id() {
            return "stream";
        }

        @Override
        public RouteHandler create(PluginConfig config, ServerView server) {
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
    }

    private final class Lines implements AccessLogSinkProvider {
        @Override
        public String id() {
            return "lines";
        }

        @Override
        public AccessLogSink create(PluginConfig config, ServerView server) {
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
}
