package io.httpd.core.server;

import io.httpd.api.TlsProvider;
import io.httpd.core.http1.HttpsUpgrade;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * A configured listener.
 *
 * @param key           what identifies it across reloads: the address as configured
 * @param address       where to bind
 * @param tls           its TLS provider, or null for plain HTTP
 * @param proxyProtocol whether every connection starts with a PROXY protocol header
 * @param reusePort     whether to bind with SO_REUSEPORT (only when it is first bound)
 * @param https         its redirect to https (plain) or its HSTS header (TLS), or
 *                      {@link HttpsUpgrade#NONE}
 */
public record Endpoint(String key, InetSocketAddress address, TlsProvider tls,
                       boolean proxyProtocol, boolean reusePort, HttpsUpgrade https) {
    /**
     * Endpoints without reuse_port, https or HSTS, keyed by position (tests, admin).
     *
     * @param tls           per address, the TLS provider of that listener, or null for plain HTTP
     * @param proxyProtocol per address, whether connections start with a PROXY protocol header
     */
    public static List<Endpoint> all(List<InetSocketAddress> addresses,
                              List<TlsProvider> tls, List<Boolean> proxyProtocol) {
        if (tls.size() != addresses.size() || proxyProtocol.size() != addresses.size()) {
            throw new IllegalArgumentException("one tls and proxy_protocol entry per address");
        }
        List<Endpoint> list = new ArrayList<>();
        for (int i = 0; i < addresses.size(); i++) {
            list.add(new Endpoint(HttpServer.format(addresses.get(i)) + "#" + i, addresses.get(i),
                    tls.get(i), proxyProtocol.get(i), false, HttpsUpgrade.NONE));
        }
        return list;
    }
}
