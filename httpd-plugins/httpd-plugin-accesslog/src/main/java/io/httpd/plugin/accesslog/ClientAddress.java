package io.httpd.plugin.accesslog;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;

/**
 * The client's address as access logs write it. IPv4 in dotted decimal; IPv6 in the short form
 * that Apache httpd's {@code %h} shows (APR's {@code apr_inet_ntop}, from BIND): lower-case
 * hex without leading zeros, the longest run of two or more zero groups (the first of equal
 * runs) as {@code ::}, and an IPv4-compatible tail ({@code ::a.b.c.d}) in dotted form. A
 * link-local address keeps its zone ({@code fe80::1%eth0}).
 */
final class ClientAddress {
    private ClientAddress() {
    }

    /** The address alone, for {@code %h}. */
    static String host(InetSocketAddress client) {
        InetAddress address = client.getAddress();
        if (address == null) {
            return client.getHostString();
        }
        return address instanceof Inet6Address v6 ? ipv6(v6) : address.getHostAddress();
    }

    /** Address and port: {@code 192.0.2.1:5000}, or {@code [2001:db8::1]:5000} for IPv6. */
    static String hostAndPort(InetSocketAddress client) {
        String host = host(client);
        boolean v6 = client.getAddress() instanceof Inet6Address;
        return (v6 ? "[" + host + "]" : host) + ":" + client.getPort();
    }

    static String ipv6(Inet6Address address) {
        byte[] b = address.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (b[2 * i] & 0xff) << 8 | b[2 * i + 1] & 0xff;
        }
        int[] run = longestZeroRun(groups);
        StringBuilder text = new StringBuilder(40);
        if (run[0] == 0 && (run[1] == 6 || run[1] == 5 && groups[5] == 0xffff)) {
            text.append(run[1] == 6 ? "::" : "::ffff:").append(b[12] & 0xff).append('.')
                    .append(b[13] & 0xff).append('.').append(b[14] & 0xff).append('.')
                    .append(b[15] & 0xff);
        } else {
            appendGroups(groups, run, text);
        }
        return text.append(zone(address)).toString();
    }

    /** Hex groups joined by {@code :}, with the zero run {@code {start, length}} as {@code ::}. */
    private static void appendGroups(int[] groups, int[] run, StringBuilder text) {
        for (int i = 0; i < groups.length; i++) {
            if (i == run[0]) {
                text.append("::");
                i += run[1] - 1;
                continue;
            }
            if (!text.isEmpty() && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
    }

    /** Start and length of the first longest run of two or more zero groups; start -1 if none. */
    private static int[] longestZeroRun(int[] groups) {
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < groups.length; ) {
            int end = i;
            while (end < groups.length && groups[end] == 0) {
                end++;
            }
            if (end - i > bestLength) {
                bestStart = i;
                bestLength = end - i;
            }
            i = Math.max(end, i + 1);
        }
        return new int[] {bestStart, bestLength};
    }

    private static String zone(Inet6Address address) {
        if (!address.isLinkLocalAddress() || address.getScopeId() == 0) {
            return "";
        }
        NetworkInterface nic = address.getScopedInterface();
        return "%" + (nic != null ? nic.getName() : Integer.toString(address.getScopeId()));
    }
}
