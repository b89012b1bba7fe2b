package io.httpd.core.http1;

import io.httpd.api.Response;
import io.httpd.api.Status;

import java.net.InetSocketAddress;

/**
 * What a listener does to move its clients to https: a plain listener with
 * {@code redirect_https} answers every request with a 308 to the same host and target on the
 * https port (before validators and routes); a TLS listener with {@code hsts} adds
 * {@code Strict-Transport-Security} to every response that has none of its own (RFC 6797 §7.1;
 * never over plain HTTP, §7.2).
 *
 * @param redirectPort            the https port to redirect to, or 0 for no redirect
 * @param strictTransportSecurity the HSTS field value, or empty for none
 * @param local                   the address the client reached, the host of a redirect when
 *                                the request names none (HTTP/1.0 without Host); may be null
 */
public record HttpsUpgrade(int redirectPort, String strictTransportSecurity,
                           InetSocketAddress local) {
    public static final HttpsUpgrade NONE = new HttpsUpgrade(0, "", null);
    /** RFC 9110 §15.4.9: permanent, and the method and content do not change (unlike 301). */
    static final Status PERMANENT_REDIRECT = new Status(308, "Permanent Redirect");

    public HttpsUpgrade(int redirectPort, String strictTransportSecurity) {
        this(redirectPort, strictTransportSecurity, null);
    }

    /** The same for a connection that reached this address (a wildcard listener's own). */
    public HttpsUpgrade reachedAt(InetSocketAddress address) {
        return new HttpsUpgrade(redirectPort, strictTransportSecurity, address);
    }

    /** Whether it does anything: a redirect or an HSTS field (not so for {@link #NONE}). */
    public boolean upgrades() {
        return redirects() || !strictTransportSecurity.isEmpty();
    }

    boolean redirects() {
        return redirectPort != 0;
    }

    /** The 308 for this request: the host it named (else the listener's), the https port. */
    Response redirect(RequestHead head) {
        String target = head.target();
        String authority;
        if (target.startsWith("/") || target.equals("*")) {
            authority = head.headers().first("Host").orElse("");
            target = target.equals("*") ? "/" : target;
        } else { // absolute-form: its authority wins over Host (RFC 9112 §3.2.2)
            int start = target.indexOf("//") + 2;
            int end = start;
            while (end < target.length() && target.charAt(end) != '/' && target.charAt(end) != '?') {
                end++;
            }
            authority = target.substring(start, end);
            target = end == target.length() || target.charAt(end) == '?'
                    ? "/" + target.substring(end) : target.substring(end);
        }
        String location = "https://" + host(authority) + (redirectPort == 443 ? "" : ":"
                + redirectPort) + target;
        return Response.text(PERMANENT_REDIRECT, "308 Permanent Redirect: " + location + "\n")
                .withHeader("Location", location);
    }

    /** The host of an authority without its port (IPv6 in brackets), else the listener's. */
    private String host(String authority) {
        if (authority.startsWith("[")) {
            return authority.substring(0, authority.indexOf(']') + 1);
        }
        int colon = authority.indexOf(':');
        String host = colon < 0 ? authority : authority.substring(0, colon);
        if (!host.isEmpty() || local == null) {
            return host.isEmpty() ? "localhost" : host;
        }
        String address = local.getAddress().getHostAddress();
        int scope = address.indexOf('%');
        address = scope < 0 ? address : address.substring(0, scope);
        return address.contains(":") ? "[" + address + "]" : address;
    }

    /** The response with this listener's HSTS field, unless it has one or there is none. */
    Response withStrictTransportSecurity(Response response) {
        if (strictTransportSecurity.isEmpty()
                || response.headers().first("Strict-Transport-Security").isPresent()) {
            return response;
        }
        return response.withHeader("Strict-Transport-Security", strictTransportSecurity);
    }
}
