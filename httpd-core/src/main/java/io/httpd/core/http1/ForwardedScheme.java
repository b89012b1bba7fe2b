package io.httpd.core.http1;

import io.httpd.api.Headers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The scheme the original client used, as trusted proxies record it beside the address
 * ({@link ForwardedClient} decides whether they are believed at all). Each proxy writes the
 * scheme of the connection it received next to the address it saw, so the scheme read is the
 * one recorded with the entry that named the client, or, when no entry did, the right-most
 * (written by the peer itself):
 * <ul>
 *   <li>{@code Forwarded} (RFC 7239 §5.4): the {@code proto=} of that forwarded-element;</li>
 *   <li>{@code X-Forwarded-Proto}: its one value when there is one (a proxy that sets it
 *       rather than appending); else the value at the same place from the right as that
 *       {@code X-Forwarded-For} entry (each proxy appended to both), none when the lists do
 *       not line up.</li>
 * </ul>
 * Only {@code http} and {@code https} (any case, RFC 3986 §3.1) are schemes here; any other
 * value, garbage or absence leaves the connection's own scheme.
 */
final class ForwardedScheme {
    private ForwardedScheme() {
    }

    /**
     * @param elements the forwarding header's entries, left to right
     * @param named    the index of the entry that named the client, or {@code elements.size()}
     * @return {@code "http"}, {@code "https"}, or null to keep the connection's scheme
     */
    static String of(Headers headers, boolean rfc7239, List<String> elements, int named) {
        int fromRight = named < elements.size() ? elements.size() - 1 - named : 0;
        if (rfc7239) {
            return fromRight < elements.size() ? scheme(ForwardedClient.parameter(
                    elements.get(elements.size() - 1 - fromRight), "proto")) : null;
        }
        List<String> protos = new ArrayList<>();
        for (String line : headers.all("X-Forwarded-Proto")) {
            for (String value : line.split(",", -1)) {
                protos.add(value.strip());
            }
        }
        if (protos.size() == 1) {
            return scheme(protos.getFirst());
        }
        return fromRight < protos.size() ? scheme(protos.get(protos.size() - 1 - fromRight)) : null;
    }

    private static String scheme(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        return lower.equals("http") || lower.equals("https") ? lower : null;
    }
}
