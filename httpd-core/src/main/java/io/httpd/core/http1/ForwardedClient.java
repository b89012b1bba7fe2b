package io.httpd.core.http1;

import io.httpd.api.ConnectionInfo;
import io.httpd.api.Headers;
import io.httpd.api.AddressBlock;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The client behind trusted proxies ({@code [server] trusted_proxies}, {@code forwarded_header}).
 * When the connection's client (the peer, or what its PROXY header named) is trusted, the
 * forwarding header is read right to left, each proxy having appended the address it saw: the
 * first untrusted entry is the client (every entry to its left was written by someone we cannot
 * believe). When all are trusted, the left-most is. An entry that is not an address
 * ({@code unknown}, an obfuscated {@code _node}, garbage) ends the walk at the last address
 * before it. From an untrusted peer the headers change nothing: anyone can send them.
 * Several header lines are one list, in order (RFC 9110 §5.3).
 *
 * @param trusted the trusted proxies; empty to read no header at all
 * @param rfc7239 read {@code Forwarded}'s {@code for=} (RFC 7239 §5.2) instead of
 *                {@code X-Forwarded-For}
 */
record ForwardedClient(List<AddressBlock> trusted, boolean rfc7239) {
    /** Believes no one. */
    static final ForwardedClient NONE = new ForwardedClient(List.of(), false);
    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");

    ForwardedClient {
        trusted = List.copyOf(trusted);
    }

    /**
     * The connection as this request sees it: its client, and its scheme
     * ({@link ForwardedScheme}), replaced when a trusted proxy says.
     */
    ConnectionInfo resolve(ConnectionInfo connection, Headers headers) {
        if (trusted.isEmpty() || !isTrusted(connection.client())) {
            return connection;
        }
        List<String> entries = entries(headers);
        InetSocketAddress client = connection.client();
        int named = entries.size(); // the entry that named the client; none yet
        for (int i = entries.size() - 1; i >= 0; i--) {
            String entry = entries.get(i);
            InetSocketAddress hop = node(rfc7239 ? parameter(entry, "for") : entry);
            if (hop == null) {
                break;
            }
            client = hop;
            named = i;
            if (!isTrusted(hop)) {
                break;
            }
        }
        String scheme = ForwardedScheme.of(headers, rfc7239, entries, named);
        ConnectionInfo resolved = connection.withClient(client);
        return scheme == null ? resolved : resolved.withScheme(scheme);
    }

    private boolean isTrusted(InetSocketAddress address) {
        InetAddress a = address.getAddress();
        if (a == null) {
            return false;
        }
        byte[] bytes = AddressBlock.canonical(a);
        for (AddressBlock block : trusted) {
            if (block.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    private List<String> entries(Headers headers) {
        List<String> entries = new ArrayList<>();
        for (String line : headers.all(rfc7239 ? "Forwarded" : "X-Forwarded-For")) {
            for (String entry : line.split(",", -1)) {
                entries.add(entry.strip());
            }
        }
        return entries;
    }

    /** One parameter's value in a forwarded-element, unquoted, or "" when absent. */
    static String parameter(String element, String name) {
        int n = name.length() + 1;
        for (String pair : element.split(";")) {
            String p = pair.strip();
            if (p.length() > n && p.substring(0, n).toLowerCase(Locale.ROOT).equals(name + "=")) {
                String value = p.substring(n);
                return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                        ? value.substring(1, value.length() - 1) : value;
            }
        }
        return "";
    }

    /** {@code 192.0.2.1}, {@code 192.0.2.1:80}, {@code 2001:db8::1}, {@code [2001:db8::1]:80}. */
    static InetSocketAddress node(String text) {
        String host = text;
        int port = 0;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                return null;
            }
            host = text.substring(1, close);
            String rest = text.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":") || (port = port(rest.substring(1))) < 0) {
                    return null;
                }
            }
        } else if (text.indexOf(':') > 0 && text.indexOf(':') == text.lastIndexOf(':')) {
            host = text.substring(0, text.indexOf(':'));
            if ((port = port(text.substring(text.indexOf(':') + 1))) < 0) {
                return null;
            }
        }
        if (!host.contains(":") && !IPV4.matcher(host).matches() || host.contains("%")) {
            return null;
        }
        try {
            return new InetSocketAddress(InetAddress.ofLiteral(host), port);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static int port(String digits) {
        if (digits.isEmpty() || digits.length() > 5
                || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        int p = Integer.parseInt(digits);
        return p > 65535 ? -1 : p;
    }
}
