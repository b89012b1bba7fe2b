package io.httpd.plugin.accesslog;

import io.httpd.testkit.TestTable;
import io.httpd.api.AccessLogSink;
import io.httpd.api.AccessRecord;
import io.httpd.api.ConnectionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.httpd.plugin.accesslog.Records.get;
import static io.httpd.plugin.accesslog.Records.withClient;
import static io.httpd.plugin.accesslog.Records.withLine;
import static io.httpd.plugin.accesslog.Records.withUserAgent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lines of the {@code json} sink, written to a real file and parsed back with Jackson. */
class JsonLineFormatTest {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final List<String> KEYS = List.of("ts", "client", "peer", "method", "target",
            "protocol", "status", "bytes", "duration_ms", "referer", "user_agent", "route",
            "request_id", "aborted");

    @TempDir
    Path folder;

    @Test
    void everyKeyInOrderWithItsType() throws Exception {
        String text = written(List.of(get("/x?y=1"))).getFirst();
        JsonNode line = JSON.readTree(text);

        assertEquals(KEYS, new ArrayList<>(line.propertyNames()));
        assertEquals("2000-10-10T13:55:36.123-07:00", line.get("ts").stringValue());
        assertEquals(Records.APACHE_EXAMPLE_TIME.toOffsetDateTime(),
                OffsetDateTime.parse(line.get("ts").stringValue()));
        assertEquals("192.0.2.7:51234", line.get("client").stringValue());
        assertEquals("192.0.2.7:51234", line.get("peer").stringValue(), "no proxy: the same");
        assertEquals("GET", line.get("method").stringValue());
        assertEquals("/x?y=1", line.get("target").stringValue());
        assertEquals("HTTP/1.1", line.get("protocol").stringValue());
        assertTrue(line.get("status").isInt());
        assertEquals(200, line.get("status").intValue());
        assertTrue(line.get("bytes").isIntegralNumber());
        assertEquals(2326, line.get("bytes").longValue());
        assertTrue(line.get("duration_ms").isNumber());
        assertEquals(1.204, line.get("duration_ms").doubleValue());
        assertTrue(text.contains(",\"duration_ms\":1.204,"), text);
        assertEquals("http://example.test/start", line.get("referer").stringValue());
        assertEquals("curl/8.5.0", line.get("user_agent").stringValue());
        assertEquals("/", line.get("route").stringValue());
        assertEquals("r-1", line.get("request_id").stringValue());
        assertTrue(line.get("aborted").isBoolean());
        assertTrue(text.endsWith(",\"aborted\":false}"), text);
    }

    /** (SNI sent, client certificate subject sent, the keys that follow "aborted"). */
    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "example.com, 'CN=alice,O=Example', tls_protocol tls_cipher sni client_cert",
            "example.com, -, tls_protocol tls_cipher sni",
            "-, 'CN=alice,O=Example', tls_protocol tls_cipher client_cert",
            "-, -, tls_protocol tls_cipher"})
    void overTlsTheSessionFollows(String sni, String subject, String keys) throws Exception {
        AccessRecord r = get("/x");
        ConnectionInfo tls = new ConnectionInfo(r.client(), Optional.of(new ConnectionInfo.Tls(
                "TLSv1.3", "TLS_AES_128_GCM_SHA256", Optional.ofNullable(sni),
                Optional.ofNullable(subject), Optional.of("http/1.1"))));
        AccessRecord secure = new AccessRecord(r.timestamp(), r.client(), r.method(), r.target(),
                r.protocol(), r.status(), r.bytes(), r.duration(), r.referer(), r.userAgent(),
                r.route(), r.requestId(), tls);

        String text = written(List.of(secure)).getFirst();
        JsonNode line = JSON.readTree(text);

        List<String> expected = new ArrayList<>(KEYS);
        expected.addAll(List.of(keys.split(" ")));
        assertEquals(expected, new ArrayList<>(line.propertyNames()), text);
        assertEquals("TLSv1.3", line.get("tls_protocol").stringValue());
        assertEquals("TLS_AES_128_GCM_SHA256", line.get("tls_cipher").stringValue());
        if (sni != null) {
            assertEquals(sni, line.get("sni").stringValue());
        }
        if (subject != null) {
            assertEquals(subject, line.get("client_cert").stringValue());
        }
    }

    @Test
    void anAbortedResponseSaysSoWithTheBytesThatGotOut() throws Exception {
        AccessRecord r = get("/big");
        AccessRecord cut = new AccessRecord(r.timestamp(), r.client(), r.method(), r.target(),
                r.protocol(), 200, 300_000, r.duration(), r.referer(), r.userAgent(), r.route(),
                r.requestId(), true);

        String text = written(List.of(cut)).getFirst();

        assertTrue(text.contains(",\"bytes\":300000,"), text);
        assertTrue(text.endsWith(",\"aborted\":true}"), text);
    }

    @Test
    void aRefusedRequestNamesTheValidatorAndAnAcceptedOneHasNoSuchKey() throws Exception {
        List<String> text = written(List.of(Records.refusedBy(get("/admin/"), "access", 403),
                get("/admin/")));

        assertTrue(text.get(0).endsWith(",\"aborted\":false,\"validator\":\"access\"}"),
                text.get(0));
        JsonNode refused = JSON.readTree(text.get(0));
        List<String> keys = new ArrayList<>(KEYS);
        keys.add("validator");
        assertEquals(keys, new ArrayList<>(refused.propertyNames()));
        assertEquals("access", refused.get("validator").stringValue());
        assertEquals(KEYS, new ArrayList<>(JSON.readTree(text.get(1)).propertyNames()));
    }

    @Test
    void absentFieldsAreNullAndRejectionsKeepTheirDashes() throws Exception {
        AccessRecord rejected = new AccessRecord(Records.APACHE_EXAMPLE_TIME,
                new InetSocketAddress("192.0.2.7", 51234), "-", "-", "-", 400, 0, Duration.ZERO,
                null, null, null, "r-2");

        String text = written(List.of(rejected)).getFirst();
        JsonNode line = JSON.readTree(text);

        assertEquals(KEYS, new ArrayList<>(line.propertyNames()));
        for (String key : List.of("referer", "user_agent", "route")) {
            assertTrue(line.get(key).isNull(), key);
        }
        assertEquals("-", line.get("method").stringValue());
        assertEquals(0, line.get("bytes").longValue());
        assertTrue(text.contains(",\"duration_ms\":0.000,"), text);
    }

    @Test
    void hostileValuesStayOnOneLineAndComeBackUnchanged() throws Exception {
        List<String> agents = List.of("\"}\n{\"status\":999", "back\\slash\r\n", "nul\u0000",
                "\u0001\u001f\u007f\u0085\u2028\u2029", "\uD83D\uDE00 \u20ac", "</script>");
        List<AccessRecord> records = new ArrayList<>();
        for (String agent : agents) {
            records.add(withUserAgent(withLine(get("/"), "GET", "/\"\n" + agent, "HTTP/1.1"),
                    agent));
        }

        List<String> lines = written(records);

        assertEquals(agents.size(), lines.size(), "one line per record");
        for (int i = 0; i < agents.size(); i++) {
            JsonNode line = JSON.readTree(lines.get(i));
            assertEquals(agents.get(i), line.get("user_agent").stringValue());
            assertEquals("/\"\n" + agents.get(i), line.get("target").stringValue());
            assertEquals(200, line.get("status").intValue());
        }
    }

    @Test
    void requestBytesThatAreUtf8ReadAsTheirCharacters() throws Exception {
        String sentUtf8 = new String("caf\u00e9 \u20ac".getBytes(StandardCharsets.UTF_8),
                StandardCharsets.ISO_8859_1);
        String notUtf8 = "caf\u00e9";    // the single byte 0xe9: ISO-8859-1 on the wire
        List<AccessRecord> records = List.of(withUserAgent(get("/"), sentUtf8),
                withUserAgent(get("/"), notUtf8));

        List<String> lines = written(records);

        assertEquals("caf\u00e9 \u20ac", JSON.readTree(lines.get(0)).get("user_agent").stringValue());
        assertEquals("caf\u00e9", JSON.readTree(lines.get(1)).get("user_agent").stringValue());
    }

    @Test
    void ipv6ClientIsBracketed() throws Exception {
        AccessRecord record = withClient(get("/"), new InetSocketAddress("::1", 40000));
        assertEquals("[::1]:40000",
                JSON.readTree(written(List.of(record)).getFirst()).get("client").stringValue());
    }

    @Test
    void behindAProxyTheClientAndThePeerBothAppear() throws Exception {
        AccessRecord r = get("/");
        InetSocketAddress proxy = new InetSocketAddress("10.0.0.1", 443);
        AccessRecord behind = new AccessRecord(r.timestamp(), r.client(), r.method(), r.target(),
                r.protocol(), r.status(), r.bytes(), r.duration(), r.referer(), r.userAgent(),
                r.route(), r.requestId(), io.httpd.api.ConnectionInfo.plain(proxy)
                        .withClient(r.client()));
        JsonNode line = JSON.readTree(written(List.of(behind)).getFirst());
        assertEquals("192.0.2.7:51234", line.get("client").stringValue());
        assertEquals("10.0.0.1:443", line.get("peer").stringValue());
    }

    @ParameterizedTest
    @CsvSource({"0, 0.000", "999, 0.000", "1000, 0.001", "1204567, 1.204", "12000000, 12.000",
            "3600000000000, 3600000.000", "-5, 0.000"})
    void durationIsMillisecondsWithThreeDecimals(long nanos, String expected) {
        assertEquals(expected, JsonLineFormat.milliseconds(Duration.ofNanos(nanos)));
    }

    private List<String> written(List<AccessRecord> records) throws Exception {
        Path file = folder.resolve("access.jsonl");
        Files.deleteIfExists(file);
        TestTable config = TestTable.of("access_log[0]", folder, "path", "access.jsonl");
        try (AccessLogSink sink = new JsonSinkProvider().create(config, null)) {
            for (AccessRecord record : records) {
                sink.log(record);
            }
        }
        byte[] bytes = Files.readAllBytes(file);
        assertEquals('\n', bytes[bytes.length - 1]);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertEquals(text, new String(text.getBytes(StandardCharsets.UTF_8),
                StandardCharsets.UTF_8), "valid UTF-8");
        return List.of(text.split("\n", -1)).subList(0, records.size() + 1).stream()
                .filter(l -> !l.isEmpty()).toList();
    }
}
