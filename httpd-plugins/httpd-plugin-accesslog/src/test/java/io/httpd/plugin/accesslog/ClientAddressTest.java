package io.httpd.plugin.accesslog;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetSocketAddress;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Addresses as Apache's %h shows them (APR's apr_inet_ntop, from BIND). */
class ClientAddressTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "192.0.2.7                               | 192.0.2.7         | 192.0.2.7:8080",
        "::ffff:192.0.2.7                        | 192.0.2.7         | 192.0.2.7:8080",
        "0:0:0:0:0:0:0:1                         | ::1               | [::1]:8080",
        "0:0:0:0:0:0:0:0                         | ::                | [::]:8080",
        "2001:DB8:0:0:0:0:0:1                    | 2001:db8::1       | [2001:db8::1]:8080",
        "2001:db8:0:0:1:0:0:1                    | 2001:db8::1:0:0:1 | [2001:db8::1:0:0:1]:8080",
        "2001:db8:0:1:1:1:1:1                    | 2001:db8:0:1:1:1:1:1 | [2001:db8:0:1:1:1:1:1]:8080",
        "1:0:0:0:0:0:0:0                         | 1::               | [1::]:8080",
        "fe80:0:0:0:0:0:0:0                      | fe80::            | [fe80::]:8080",
        "0:0:0:0:0:0:c000:207                    | ::192.0.2.7       | [::192.0.2.7]:8080",
        "2001:0db8:0000:0000:0000:ff00:0042:8329 | 2001:db8::ff00:42:8329 | [2001:db8::ff00:42:8329]:8080",
    })
    void formatsAsApache(String address, String host, String hostAndPort) {
        InetSocketAddress client = new InetSocketAddress(address, 8080);
        assertEquals(host, ClientAddress.host(client));
        assertEquals(hostAndPort, ClientAddress.hostAndPort(client));
    }
}
