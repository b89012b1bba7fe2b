package io.httpd.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetAddress;
import java.net.UnknownHostException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** CIDR blocks: edges of the prefix, IPv6, IPv4-mapped IPv6 in rules and in clients. */
class AddressBlockTest {
    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
        10.0.0.0/8          | 10.0.0.0                | true
        10.0.0.0/8          | 10.255.255.255          | true
        10.0.0.0/8          | 11.0.0.0                | false
        10.0.0.0/8          | 9.255.255.255           | false
        192.168.1.128/25    | 192.168.1.128           | true
        192.168.1.128/25    | 192.168.1.255           | true
        192.168.1.128/25    | 192.168.1.127           | false
        172.16.0.0/12       | 172.31.255.255          | true
        172.16.0.0/12       | 172.32.0.0              | false
        127.0.0.1           | 127.0.0.1               | true
        127.0.0.1           | 127.0.0.2               | false
        127.0.0.2/32        | 127.0.0.2               | true
        0.0.0.0/0           | 203.0.113.9             | true
        0.0.0.0/0           | ::1                     | false
        ::/0                | 2001:db8::1             | true
        ::/0                | 203.0.113.9             | false
        2001:db8::/32       | 2001:db8:ffff:ffff::1   | true
        2001:db8::/32       | 2001:db9::              | false
        2001:db8::/127      | 2001:db8::1             | true
        2001:db8::/127      | 2001:db8::2             | false
        fe80::/10           | febf::1                 | true
        fe80::/10           | fec0::1                 | false
        ::1                 | ::1                     | true
        ::1                 | 127.0.0.1               | false
        # an IPv4 client on a dual-stack socket: ::ffff:a.b.c.d is the IPv4 address
        10.0.0.0/8          | ::ffff:10.1.2.3         | true
        10.0.0.0/8          | ::ffff:11.1.2.3         | false
        ::ffff:10.0.0.0/104 | 10.9.9.9                | true
        ::ffff:10.0.0.0/104 | 11.9.9.9                | false
        ::ffff:127.0.0.1    | 127.0.0.1               | true
        # ::a.b.c.d (IPv4-compatible, deprecated) is an IPv6 address, not the IPv4 one
        10.0.0.0/8          | ::10.1.2.3              | false
        """)
    void contains(String block, String address, boolean expected) throws UnknownHostException {
        assertEquals(expected, AddressBlock.parse(block).contains(InetAddress.ofLiteral(address)));
    }

    @Test
    void mappedBytesFromAnIpv6SocketAddressCountAsIpv4() throws UnknownHostException {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 10, 1, 2, 3};
        // getByAddress turns these into an Inet4Address; Inet6Address.getByAddress keeps 16 bytes
        InetAddress v6 = java.net.Inet6Address.getByAddress(null, mapped, -1);
        assertEquals(16, v6.getAddress().length);
        assertEquals(true, AddressBlock.parse("10.0.0.0/8").contains(v6));
        assertFalse(AddressBlock.parse("::/0").contains(v6));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
        10.0.0.1/8         | bits set after the prefix: "10.0.0.1/8" (the block starts at 10.0.0.0/8)
        10.0.0.0/33        | prefix longer than the address: "10.0.0.0/33"
        2001:db8::/129     | prefix longer than the address: "2001:db8::/129"
        10.0.0.0/          | not a prefix length: "10.0.0.0/"
        10.0.0.0/-1        | not a prefix length: "10.0.0.0/-1"
        10.0.0.0/8/9       | not a prefix length: "10.0.0.0/8/9"
        localhost          | not an IP address: "localhost"
        10.0.0             | not an IP address: "10.0.0"
        ::ffff:10.0.0.0/64 | an IPv4-mapped block needs a prefix of 96 or more: "::ffff:10.0.0.0/64"
        """)
    void refused(String text, String reason) {
        assertEquals(reason, assertThrows(IllegalArgumentException.class, () -> AddressBlock.parse(text))
                .getMessage());
    }
}
