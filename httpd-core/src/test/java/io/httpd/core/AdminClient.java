package io.httpd.core;

import io.httpd.api.PluginConfig;
import io.httpd.api.RouteHandler;
import io.httpd.api.RouteHandlerProvider;
import io.httpd.api.ServerView;
import io.httpd.core.config.ConfigLoader;
import io.httpd.core.plugin.PluginKind;
import io.httpd.core.plugin.PluginRegistry;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What the server-level tests share: a server started from a config file with test route
 * plugins, one request per connection over a real socket, and a Prometheus sample read from an
 * exposition.
 */
final class AdminClient {
    /** A listener on a free loopback port and the route /hello to the route plugin "hello". */
    static final String HELLO_ON_ANY_PORT = """
            [[listen]]
            address = "127.0.0.1:0"

            [[route]]
            path = "/hello"
            handler = "hello"
            """;

    private AdminClient() {
    }

    /** A route plugin named {@code id} whose every instance is {@code handler}. */
    static RouteHandlerProvider route(String id, RouteHandler handler) {
        return new RouteHandlerProvider() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public RouteHandler create(PluginConfig config, ServerView server) {
                return handler;
            }
        };
    }

    /** Starts the server {@code file} describes with these route plugins; discarded if it fails. */
    static Httpd start(Path file, RouteHandlerProvider... routes) throws Exception {
        Httpd httpd = Httpd.create(ConfigLoader.load(file), PluginRegistry.of(Arrays.stream(routes)
                .map(p -> new PluginRegistry.Found(PluginKind.ROUTE, p, "test")).toList()));
        try {
            httpd.start();
        } catch (IOException e) {
            httpd.discard();
            throw e;
        }
        return httpd;
    }

    static long sample(String metrics, String series) {
        return metrics.lines().filter(l -> l.startsWith(series + " ")).findFirst()
                .map(l -> Long.parseLong(l.substring(series.length() + 1))).orElse(0L);
    }

    static String statusLine(String response) {
        return response.substring(0, response.indexOf("\r\n"));
    }

    static String get(InetSocketAddress address, String path) throws Exception {
        return request(address, "GET " + path, List.of());
    }

    /** {@code methodAndPath} with these fields and {@code Connection: close}; the whole answer. */
    static String request(InetSocketAddress address, String methodAndPath, List<String> fields)
            throws Exception {
        StringBuilder request = new StringBuilder(methodAndPath + " HTTP/1.1\r\nHost: t\r\n");
        fields.forEach(f -> request.append(f).append("\r\n"));
        return exchange(address, (request + "Connection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
    }

    /** Writes {@code request} and reads until the server closes. */
    static String exchange(InetSocketAddress address, byte[] request) throws Exception {
        try (Socket s = new Socket(address.getAddress(), address.getPort())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(request);
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
