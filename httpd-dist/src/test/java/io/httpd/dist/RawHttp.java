package io.httpd.dist;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** One request on its own connection (Connection: close), the response read to its end. */
record RawHttp(String head, byte[] body) {
    static RawHttp exchange(int port, String method, String target, String... fields)
            throws IOException {
        StringBuilder request = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: t\r\n");
        for (String field : fields) {
            request.append(field).append("\r\n");
        }
        request.append("Connection: close\r\n\r\n");
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            byte[] all = s.getInputStream().readAllBytes();
            int end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            if (end < 0) {
                throw new IOException("no complete head: " + new String(all, StandardCharsets.ISO_8859_1));
            }
            return new RawHttp(new String(all, 0, end + 2, StandardCharsets.ISO_8859_1),
                    Arrays.copyOfRange(all, end + 4, all.length));
        }
    }

    static RawHttp get(int port, String target, String... fields) throws IOException {
        return exchange(port, "GET", target, fields);
    }

    int status() {
        return Integer.parseInt(head.substring(9, 12));
    }

    Optional<String> field(String name) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).toLowerCase(Locale.ROOT)
                    .equals(name.toLowerCase(Locale.ROOT))) {
                return Optional.of(line.substring(colon + 1).strip());
            }
        }
        return Optional.empty();
    }

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
