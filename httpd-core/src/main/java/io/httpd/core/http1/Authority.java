package io.httpd.core.http1;

/**
 * {@code uri-host [ ":" port ]} (RFC 9110 §7.2, RFC 3986 §3.2.2): an IP-literal in brackets,
 * or a reg-name of unreserved, pct-encoded and sub-delims characters, then an optional port.
 */
final class Authority {
    private Authority() {
    }

    static boolean isValid(String authority) {
        int end = authority.length();
        int portColon;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 2 || !ipLiteral(authority, 1, close)) {
                return false;
            }
            portColon = close + 1;
            if (portColon < end && authority.charAt(portColon) != ':') {
                return false;
            }
        } else {
            portColon = authority.indexOf(':');
            if (portColon < 0) {
                portColon = end;
            }
            if (!regName(authority, 0, portColon)) {
                return false;
            }
        }
        return portColon >= end || port(authority, portColon + 1, end);
    }

    // each of these checks the characters from (inclusive) to (exclusive): no substring made

    private static boolean ipLiteral(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!(Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    private static boolean regName(String s, int from, int to) {
        if (from == to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~!$&'()*+,;=%".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean port(String s, int from, int to) {
        if (to - from > 5) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
