package io.httpd.plugin.guard;

import io.httpd.testkit.TestTable;
import io.httpd.api.ConfigException;
import io.httpd.api.ConnectionInfo;
import io.httpd.api.Request;
import io.httpd.api.RequestValidator;
import io.httpd.api.RequestValidator.Verdict;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Validator {@code basic-auth} (RFC 7617) over a file written by Apache's htpasswd. */
class BasicAuthTest {
    @TempDir
    Path dir;
    private Path file;
    /** The validator over alice's file with realm "private" and every other key's default. */
    private RequestValidator defaults;

    @BeforeEach
    void users() throws Exception {
        file = dir.resolve("users.htpasswd");
        Files.writeString(file, HtpasswdBinary.line("alice", "wonder:land ü", "-B", "-C", "4")
                + "\n");
        defaults = validator();
    }

    private RequestValidator validator(Object... more) throws Exception {
        List<Object> kv = new java.util.ArrayList<>(List.of("htpasswd", file.toString(),
                "realm", "private"));
        kv.addAll(List.of(more));
        return new BasicAuthProvider().create(TestTable.of("validator[0]", kv.toArray()), null);
    }

    private static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(
                userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "alice:wonder:land ü        | 0",    // the password may hold ':' (RFC 7617 §2)
        "alice:wonder:land u        | 401",
        "alice:                     | 401",
        "bob:wonder:land ü          | 401",
        "-                          | 401",
    })
    void credentials(String userAndPassword, int status) {
        Request request = userAndPassword == null ? Requests.overTls("/")
                : Requests.overTls("/", "Authorization", basic(userAndPassword));
        assertEquals(status, AccessRulesTest.status(defaults, request));
    }

    @ParameterizedTest(name = "Authorization: {0}")
    @CsvSource(delimiter = '|', value = {
        "Bearer YWxpY2U6eA==",
        "Basic",
        "Basic !!!notbase64",
        "Basic YWxpY2U=",          // "alice": no colon
        "Basic /w==",              // 0xFF: not UTF-8
    })
    void malformedAuthorizationIsA401WithTheChallenge(String authorization) {
        Verdict.Reject r = assertInstanceOf(Verdict.Reject.class,
                defaults.validate(Requests.overTls("/", "Authorization", authorization)));
        assertEquals(401, r.status().code());
        assertEquals("Basic realm=\"private\", charset=\"UTF-8\"",
                r.headers().first("WWW-Authenticate").orElseThrow());
    }

    @Test
    void theSchemeIsCaseInsensitive() { // RFC 9110 §11.1
        String token = basic("alice:wonder:land ü").substring("Basic ".length());
        assertEquals(0, AccessRulesTest.status(defaults,
                Requests.overTls("/", "Authorization", "bAsIc " + token)));
    }

    @Test
    void plainHttpIsRefusedUnlessAllowed() throws Exception {
        Request plain = Requests.from("192.0.2.1", "GET", "/", "Authorization",
                basic("alice:wonder:land ü"));
        Verdict.Reject r = assertInstanceOf(Verdict.Reject.class, validator().validate(plain));
        assertEquals(403, r.status().code());
        assertTrue(r.headers().first("WWW-Authenticate").isEmpty(), "no challenge: no password over plain text");
        assertEquals(0, AccessRulesTest.status(validator("allow_plain", true), plain));
    }

    /**
     * TLS ended at a trusted proxy that said so ({@code X-Forwarded-Proto: https}, which the
     * core believes from trusted proxies only): the request's scheme is https, and so is the
     * client's hop; over TLS to us but plain from the client (the proxy said http): refused.
     */
    @Test
    void theSchemeBehindATrustedProxyCountsNotTheLastHop() {
        String credentials = basic("alice:wonder:land ü");
        Request proxied = Requests.request(ConnectionInfo.plain(Requests.address("10.0.0.1"))
                .withScheme("https"), "GET", "/", "Authorization", credentials);
        assertEquals(0, AccessRulesTest.status(defaults, proxied));
        Request plainClient = Requests.request(new ConnectionInfo(Requests.address("10.0.0.1"),
                Optional.of(Requests.TLS)).withScheme("http"), "GET", "/", "Authorization",
                credentials);
        assertEquals(403, AccessRulesTest.status(defaults, plainClient));
    }

    @Test
    void routesScopeTheTable() throws Exception {
        RequestValidator v = validator("routes", List.of("/private/"));
        assertEquals(0, AccessRulesTest.status(v, Requests.overTls("/public")));
        assertEquals(401, AccessRulesTest.status(v, Requests.overTls("/private/x")));
    }

    @Test
    void reloadReadsTheFileAgainAndKeepsTheOldUsersWhenItBreaks() throws Exception {
        RequestValidator v = validator();
        Files.writeString(file, HtpasswdBinary.line("bob", "builder", "-B", "-C", "4") + "\n");
        v.reload();
        assertEquals(0, AccessRulesTest.status(v,
                Requests.overTls("/", "Authorization", basic("bob:builder"))));
        Files.writeString(file, "bob:$apr1$xyz$abc\n");
        assertThrows(IllegalArgumentException.class, v::reload);
        assertEquals(0, AccessRulesTest.status(v,
                Requests.overTls("/", "Authorization", basic("bob:builder"))), "kept");
    }

    @Test
    void anMd5FileStopsStartUpNamingHtpasswdB() throws Exception {
        Files.writeString(file, HtpasswdBinary.line("old", "secret", "-m") + "\n");
        ConfigException e = assertThrows(ConfigException.class, () -> validator());
        assertEquals("validator[0].htpasswd", e.key());
        assertTrue(e.reason().contains("htpasswd -B"), e.reason());
    }

    @Test
    void aRealmWithAQuoteIsRefused() {
        ConfigException e = assertThrows(ConfigException.class, () -> new BasicAuthProvider()
                .create(TestTable.of("validator[0]", "htpasswd", file.toString(), "realm", "a\"b"), null));
        assertEquals("validator[0].realm", e.key());
    }
}
