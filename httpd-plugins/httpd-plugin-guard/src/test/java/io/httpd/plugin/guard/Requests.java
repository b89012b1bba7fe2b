package io.httpd.plugin.guard;

import io.httpd.api.ConnectionInfo;
import io.httpd.api.Headers;
import io.httpd.api.Method;
import io.httpd.api.Request;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;

/** Requests as the core hands them to a validator: before routing, no body. */
final class Requests {
    static final ConnectionInfo.Tls TLS = new ConnectionInfo.Tls("TLSv1.3",
            "TLS_AES_128_GCM_SHA256", Optional.empty(), Optional.empty(), Optional.empty());

    private Requests() {
    }

    /** A plain-HTTP request from this client address (an IP literal). */
    static Request from(String client, String method, String path, String... headers) {
        return request(ConnectionInfo.plain(address(client)), method, path, headers);
    }

    /** A request over TLS from 192.0.2.1. */
    static Request overTls(String path, String... headers) {
        return request(new ConnectionInfo(address("192.0.2.1"), Optional.of(TLS)), "GET", path,
                headers);
    }

    /** A request whose peer is a proxy and whose client the core found behind it. */
    static Request behindProxy(String proxy, String client, String path) {
        ConnectionInfo info = ConnectionInfo.plain(address(proxy)).withClient(address(client));
        return request(info, "GET", path);
    }

    static Request request(ConnectionInfo info, String method, String path, String... headers) {
        return new Request(Method.of(method), path, path, "", "HTTP/1.1", Headers.of(headers),
                info, "", InputStream.nullInputStream());
    }

    static InetSocketAddress address(String literal) {
        return new InetSocketAddress(InetAddress.ofLiteral(literal), 40000);
    }
}
