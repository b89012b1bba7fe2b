package io.httpd.core.http1;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The PROXY protocol header (HAProxy's proxy-protocol.txt, versions 1 and 2) that a load
 * balancer sends before the client's bytes: what AWS NLB, HAProxy and nginx's
 * {@code proxy_protocol on;} write. {@link #read} takes exactly the header's bytes from the
 * stream, never more, so what follows (a request, or a TLS ClientHello) is left for the next
 * reader however the bytes were split into reads.
 *
 * <pre>
 *   v1: "PROXY " ("TCP4" | "TCP6") " " src " " dst " " srcport " " dstport CRLF   ≤ 107 bytes
 *       "PROXY UNKNOWN" [anything] CRLF                                  use the peer itself
 *   v2: \r\n\r\n\0\r\nQUIT\n, ver|cmd, family|transport, length (2 bytes), address block,
 *       TLVs (skipped, but must fit the length); LOCAL, UNSPEC and UNIX use the peer itself
 * </pre>
 */
final class ProxyHeader {
    /** The longest v2 header taken (the address block of AF_UNIX is 216 bytes, TLVs add). */
    static final int MAX_V2_LENGTH = 1024;
    private static final int MAX_V1 = 107;
    private static final byte[] V1 = "PROXY ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] V2 = {0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49,
        0x54, 0x0A};
    private static final Pattern IPV4 =
            Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");
    private static final Pattern PORT = Pattern.compile("0|[1-9][0-9]{0,4}");

    /** The header is malformed: the listener answers 400 (plain) and closes. */
    static final class Malformed extends IOException {
        Malformed(String reason) {
            super(reason);
        }
    }

    private ProxyHeader() {
    }

    /**
     * Reads one header.
     *
     * @return the client's address, or empty when the header says to use the connection's own
     *         peer (UNKNOWN, LOCAL, UNSPEC, UNIX)
     * @throws Malformed    when the bytes are not a valid header
     * @throws EOFException when the stream ends first
     */
    static Optional<InetSocketAddress> read(InputStream in) throws IOException {
        byte[] start = readExactly(in, V1.length);
        if (Arrays.equals(start, V1)) {
            return v1(in);
        }
        if (Arrays.equals(start, 0, 6, V2, 0, 6)) {
            return v2(in, start);
        }
        throw new Malformed("no PROXY protocol header");
    }

    private static Optional<InetSocketAddress> v1(InputStream in) throws IOException {
        byte[] line = new byte[MAX_V1 - V1.length - 1]; // 107 bytes with the CRLF
        int n = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("end of stream in the PROXY header");
            }
            if (b == '\n') {
                break;
            }
            if (n == line.length) {
                throw new Malformed("PROXY v1 header longer than " + MAX_V1 + " bytes");
            }
            line[n++] = (byte) b;
        }
        if (n == 0 || line[n - 1] != '\r') {
            throw new Malformed("PROXY v1 header does not end in CRLF");
        }
        String text = new String(line, 0, n - 1, StandardCharsets.US_ASCII);
        if (!text.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw new Malformed("PROXY v1 header has a control or non-ASCII byte");
        }
        return v1Fields(text);
    }

    private static Optional<InetSocketAddress> v1Fields(String text) throws Malformed {
        if (text.equals("UNKNOWN") || text.startsWith("UNKNOWN ")) {
            return Optional.empty();
        }
        String[] f = text.split(" ", -1);
        if (f.length != 5 || !(f[0].equals("TCP4") || f[0].equals("TCP6"))) {
            throw new Malformed("PROXY v1 header: expected TCP4, TCP6 or UNKNOWN and four fields");
        }
        boolean v4 = f[0].equals("TCP4");
        InetAddress source = v1Address(f[1], v4);
        v1Address(f[2], v4);
        int port = v1Port(f[3]);
        v1Port(f[4]);
        return Optional.of(new InetSocketAddress(source, port));
    }

    private static InetAddress v1Address(String text, boolean v4) throws Malformed {
        try {
            if (v4 ? IPV4.matcher(text).matches() : text.contains(":")) {
                InetAddress a = InetAddress.ofLiteral(text);
                if (v4 || a.getAddress().length == 16 || text.startsWith("::ffff:")) {
                    return a;
                }
            }
        } catch (IllegalArgumentException e) {
            // below
        }
        throw new Malformed("PROXY v1 header: not an IPv" + (v4 ? "4" : "6") + " address");
    }

    private static int v1Port(String text) throws Malformed {
        if (!PORT.matcher(text).matches() || Integer.parseInt(text) > 65535) {
            throw new Malformed("PROXY v1 header: not a port");
        }
        return Integer.parseInt(text);
    }

    private static Optional<InetSocketAddress> v2(InputStream in, byte[] start) throws IOException {
        byte[] fixed = Arrays.copyOf(start, 16);
        System.arraycopy(readExactly(in, 10), 0, fixed, 6, 10);
        if (!Arrays.equals(fixed, 0, 12, V2, 0, 12)) {
            throw new Malformed("no PROXY protocol header");
        }
        int version = (fixed[12] & 0xf0) >>> 4;
        int command = fixed[12] & 0x0f;
        int family = (fixed[13] & 0xf0) >>> 4;
        int transport = fixed[13] & 0x0f;
        int length = (fixed[14] & 0xff) << 8 | fixed[15] & 0xff;
        if (version != 2 || command > 1) {
            throw new Malformed("PROXY v2 header: unknown version or command");
        }
        if (length > MAX_V2_LENGTH) {
            throw new Malformed("PROXY v2 header longer than " + MAX_V2_LENGTH + " bytes");
        }
        byte[] rest = readExactly(in, length); // read before judging: the stream stays aligned
        if (family > 3 || transport > 2) {
            throw new Malformed("PROXY v2 header: unknown address family or transport");
        }
        int block = switch (family) {
            case 1 -> 12;
            case 2 -> 36;
            case 3 -> 216;
            default -> 0;
        };
        if (length < block) {
            throw new Malformed("PROXY v2 header: length " + length
                    + " too short for its addresses");
        }
        checkTlvs(rest, block);
        if (command == 0 || family == 0 || family == 3) { // LOCAL, UNSPEC, UNIX: the peer itself
            return Optional.empty();
        }
        if (transport == 2) {
            throw new Malformed("PROXY v2 header: a datagram source on a stream connection");
        }
        int size = family == 1 ? 4 : 16;
        int portAt = 2 * size;
        return Optional.of(new InetSocketAddress(address(Arrays.copyOf(rest, size)),
                (rest[portAt] & 0xff) << 8 | rest[portAt + 1] & 0xff));
    }

    /** Type-length-value entries after the addresses must exactly fill the header. */
    private static void checkTlvs(byte[] rest, int at) throws Malformed {
        while (at < rest.length) {
            if (rest.length - at < 3) {
                throw new Malformed("PROXY v2 header: truncated TLV");
            }
            int length = (rest[at + 1] & 0xff) << 8 | rest[at + 2] & 0xff;
            at += 3 + length;
            if (at > rest.length) {
                throw new Malformed("PROXY v2 header: TLV longer than the header");
            }
        }
    }

    private static InetAddress address(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // 4 or 16 bytes: cannot happen
        }
    }

    private static byte[] readExactly(InputStream in, int n) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length < n) {
            throw new EOFException("end of stream in the PROXY header");
        }
        return b;
    }
}
