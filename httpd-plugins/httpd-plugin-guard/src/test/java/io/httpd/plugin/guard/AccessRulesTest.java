package io.httpd.plugin.guard;

import io.httpd.testkit.TestTable;
import io.httpd.api.ConfigException;
import io.httpd.api.Request;
import io.httpd.api.RequestValidator;
import io.httpd.api.RequestValidator.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Validator {@code access}: deny before allow, no allow list means everyone else passes, and
 * the table's methods, paths and routes narrow where it applies. Each row: the rules, the
 * request, the status (0 = accepted).
 */
class AccessRulesTest {
    @ParameterizedTest(name = "[{index}] deny={0} allow={1} {2} {3} {4} -> {5}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        // deny only: the rest passes
        "127.0.0.2/32         | -                  | 127.0.0.2     | GET  | /      | 403",
        "127.0.0.2/32         | -                  | 127.0.0.1     | GET  | /      | 0",
        // allow only: the rest is refused
        "-                    | 10.0.0.0/8         | 10.9.8.7      | GET  | /      | 0",
        "-                    | 10.0.0.0/8         | 192.0.2.1     | GET  | /      | 403",
        // deny is checked before allow, whatever the order in the file
        "10.1.0.0/16          | 10.0.0.0/8         | 10.1.2.3      | GET  | /      | 403",
        "10.1.0.0/16          | 10.0.0.0/8         | 10.2.2.3      | GET  | /      | 0",
        "10.0.0.0/8           | 10.1.2.3           | 10.1.2.3      | GET  | /      | 403",
        // several blocks, IPv6 and IPv4 in one list
        "-                    | 10.0.0.0/8,::1     | ::1           | GET  | /      | 0",
        "-                    | 10.0.0.0/8,::1     | ::2           | GET  | /      | 403",
        "-                    | 2001:db8::/32      | 2001:db8::5   | GET  | /      | 0",
        // a dual-stack socket shows an IPv4 client as ::ffff:a.b.c.d
        "-                    | 127.0.0.0/8        | ::ffff:127.0.0.1 | GET | /    | 0",
        "::ffff:192.0.2.0/120 | -                  | 192.0.2.200   | GET  | /      | 403",
    })
    void denyThenAllow(String deny, String allow, String client, String method, String path,
                       int status) throws Exception {
        assertEquals(status, status(validator(deny, allow), Requests.from(client, method, path)));
    }

    @ParameterizedTest(name = "[{index}] methods={0} paths={1}: {2} {3} -> {4}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "POST,DELETE | -            | POST   | /x         | 403",
        "POST,DELETE | -            | GET    | /x         | 0",
        "GET         | -            | HEAD   | /x         | 403",   // GET implies HEAD
        "-           | /admin/,/api | GET    | /admin/x   | 403",
        "-           | /admin/,/api | GET    | /apiv2     | 403",   // a plain prefix
        "-           | /admin/,/api | GET    | /admin     | 0",
        "-           | /admin/,/api | GET    | /public    | 0",
        "PUT         | /admin/      | PUT    | /admin/x   | 403",
        "PUT         | /admin/      | GET    | /admin/x   | 0",
        "PUT         | /admin/      | PUT    | /other     | 0",
    })
    void methodsAndPathsNarrowTheRules(String methods, String paths, String method, String path,
                                       int status) throws Exception {
        TestTable config = TestTable.of("validator[0]", "deny", "0.0.0.0/0",
                "methods", methods == null ? List.of() : List.of(methods.split(",")),
                "paths", paths == null ? List.of() : List.of(paths.split(",")));
        assertEquals(status, status(new AccessProvider().create(config, null),
                Requests.from("192.0.2.1", method, path)));
    }

    @ParameterizedTest(name = "routes={0}: {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "/admin/       | /admin/       | 403",
        "/admin/       | /admin/users  | 403",
        "/admin/       | /admin        | 0",     // a route /admin/ does not answer /admin
        "/admin/       | /administer   | 0",
        "/echo         | /echo         | 403",
        "/echo         | /echo/more    | 0",     // an exact route answers only itself
        "/             | /anything     | 403",
    })
    void routesScopeTheTable(String route, String path, int status) throws Exception {
        TestTable config = TestTable.of("validator[0]", "deny", "0.0.0.0/0", "routes", List.of(route));
        assertEquals(status, status(new AccessProvider().create(config, null),
                Requests.from("192.0.2.1", "GET", path)));
    }

    @Test
    void theClientBehindATrustedProxyIsJudgedNotTheProxy() throws Exception {
        RequestValidator v = validator("127.0.0.1", null);
        assertEquals(0, status(v, Requests.behindProxy("127.0.0.1", "203.0.113.5", "/")));
        assertEquals(403, status(validator(null, "127.0.0.1"),
                Requests.behindProxy("127.0.0.1", "203.0.113.5", "/")));
    }

    @Test
    void aConfiguredStatusReplaces403() throws Exception {
        TestTable config = TestTable.of("validator[0]", "deny", List.of("0.0.0.0/0"), "status", 404L);
        assertEquals(404, status(new AccessProvider().create(config, null),
                Requests.from("192.0.2.1", "GET", "/")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "deny    | 10.0.0.1/8  | validator[0].deny: bits set after the prefix: \"10.0.0.1/8\" (the block starts at 10.0.0.0/8)",
        "allow   | example.com | validator[0].allow: not an IP address: \"example.com\"",
        "methods | G T         | validator[0].methods: not a method: \"G T\"",
        "paths   | admin       | validator[0].paths: a path prefix starts with \"/\", not \"admin\"",
        "routes  | admin/      | validator[0].routes: a route path starts with \"/\", not \"admin/\"",
    })
    void badValuesNameTheirKey(String key, String value, String message) {
        TestTable config = key.equals("deny") || key.equals("allow")
                ? TestTable.of("validator[0]", key, List.of(value))
                : TestTable.of("validator[0]", "deny", List.of("10.0.0.0/8"), key, List.of(value));
        ConfigException e = assertThrows(ConfigException.class,
                () -> new AccessProvider().create(config, null));
        assertEquals(message, e.key() + ": " + e.reason());
    }

    @Test
    void aTableWithoutRulesIsAnError() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> new AccessProvider().create(TestTable.of("validator[0]"), null));
        assertEquals("validator[0].allow", e.key());
    }

    private static RequestValidator validator(String deny, String allow) throws Exception {
        TestTable config = deny == null ? TestTable.of("validator[0]", "allow", List.of(allow.split(",")))
                : allow == null ? TestTable.of("validator[0]", "deny", List.of(deny.split(",")))
                : TestTable.of("validator[0]", "deny", List.of(deny.split(",")), "allow", List.of(allow.split(",")));
        return new AccessProvider().create(config, null);
    }

    static int status(RequestValidator validator, Request request) {
        Verdict verdict = validator.validate(request);
        return verdict instanceof Verdict.Reject r ? r.status().code() : 0;
    }
}
