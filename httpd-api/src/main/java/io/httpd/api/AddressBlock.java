package io.httpd.api;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * A block of IP addresses in CIDR notation, for the core's trusted proxies and for validators
 * that judge the client: {@code 10.0.0.0/8}, {@code 2001:db8::/32}, or one
 * address ({@code 192.0.2.7}, {@code ::1}). An IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d},
 * how a dual-stack socket may show an IPv4 client) is the IPv4 address, both in a rule and in
 * a client, so {@code 10.0.0.0/8} matches {@code ::ffff:10.1.2.3}. An IPv4 block never matches
 * another IPv6 address, nor an IPv6 block an IPv4 one: {@code ::/0} is every IPv6 client only.
 */
public final class AddressBlock {
    private static final Pattern DOTTED_QUAD =
            Pattern.compile("[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}");
    private final byte[] network;
    private final int prefix;
    private final String text;

    private AddressBlock(byte[] network, int prefix, String text) {
        this.network = network;
        this.prefix = prefix;
        this.text = text;
    }

    /**
     * Parses an address with an optional {@code /prefix}, without name resolution.
     *
     * @throws IllegalArgumentException with a reason for a person
     */
    public static AddressBlock parse(String text) {
        int slash = text.indexOf('/');
        String literal = slash < 0 ? text : text.substring(0, slash);
        InetAddress address;
        if (!literal.contains(":") && !DOTTED_QUAD.matcher(literal).matches()) {
            // InetAddress also takes "10.0.0" and "10" (BSD forms): a typo here widens a rule
            throw new IllegalArgumentException("not an IP address: \"" + text + "\"");
        }
        try {
            address = InetAddress.ofLiteral(literal);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an IP address: \"" + text + "\"");
        }
        byte[] bytes = address.getAddress();
        int prefix = slash < 0 ? bytes.length * 8 : prefix(text, text.substring(slash + 1));
        if (address instanceof Inet4Address && literal.contains(":")) { // ::ffff:a.b.c.d/n
            if (slash >= 0 && prefix < 96) {
                throw new IllegalArgumentException("an IPv4-mapped block needs a prefix of 96"
                        + " or more: \"" + text + "\"");
            }
            prefix = slash < 0 ? 32 : prefix - 96;
        }
        if (prefix > bytes.length * 8) {
            throw new IllegalArgumentException("prefix longer than the address: \"" + text + "\"");
        }
        byte[] network = mask(bytes, prefix);
        if (!Arrays.equals(network, bytes)) {
            throw new IllegalArgumentException("bits set after the prefix: \"" + text
                    + "\" (the block starts at " + hostString(network) + "/" + prefix + ")");
        }
        return new AddressBlock(network, prefix, text);
    }

    /** Whether the address lies in this block; an IPv4-mapped IPv6 address counts as IPv4. */
    public boolean contains(InetAddress address) {
        return contains(canonical(address));
    }

    /** As {@link #contains(InetAddress)} with the address bytes from {@link #canonical}. */
    public boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        int full = prefix >>> 3;
        for (int i = 0; i < full; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix & 7;
        return rest == 0 || ((address[full] ^ network[full]) & (0xff00 >>> rest)) == 0;
    }

    /** The address's bytes: 4 for IPv4 and IPv4-mapped IPv6, else 16. */
    public static byte[] canonical(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length == 16 && isMapped(b)) {
            return Arrays.copyOfRange(b, 12, 16);
        }
        return b;
    }

    private static boolean isMapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[10] == (byte) 0xff && b[11] == (byte) 0xff;
    }

    private static int prefix(String text, String digits) {
        if (digits.isEmpty() || digits.length() > 3
                || !digits.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("not a prefix length: \"" + text + "\"");
        }
        return Integer.parseInt(digits);
    }

    private static byte[] mask(byte[] bytes, int prefix) {
        byte[] out = bytes.clone();
        for (int bit = prefix; bit < out.length * 8; bit++) {
            out[bit >>> 3] &= (byte) ~(0x80 >>> (bit & 7));
        }
        return out;
    }

    private static String hostString(byte[] network) {
        try {
            return InetAddress.getByAddress(network).getHostAddress();
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e); // 4 or 16 bytes: cannot happen
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AddressBlock b && b.prefix == prefix
                && Arrays.equals(b.network, network);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(network) * 31 + prefix;
    }

    @Override
    public String toString() {
        return text;
    }
}
