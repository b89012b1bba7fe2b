package io.httpd.plugin.accesslog;

import io.httpd.testkit.TestTable;
import io.httpd.api.AccessLogSink;
import io.httpd.api.AccessRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.httpd.plugin.accesslog.Records.get;
import static io.httpd.plugin.accesslog.Records.withClient;
import static io.httpd.plugin.accesslog.Records.withLine;
import static io.httpd.plugin.accesslog.Records.withReferer;
import static io.httpd.plugin.accesslog.Records.withStatus;
import static io.httpd.plugin.accesslog.Records.withTime;
import static io.httpd.plugin.accesslog.Records.withUserAgent;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lines of the {@code file} sink, written to a real file and compared byte for byte with
 * Apache httpd's definitions: {@code %h %l %u %t "%r" %>s %b "%{Referer}i" "%{User-agent}i"},
 * values escaped as {@code ap_escape_logitem} does (server/util.c, T_ESCAPE_LOGITEM in
 * server/gen_test_char.c).
 */
class CommonLogFormatTest {
    private static final String HEAD = "192.0.2.7 - - [10/Oct/2000:13:55:36 -0700] ";
    private static final String REFERER = "\"http://example.test/start\"";

    @TempDir
    Path folder;

    static Stream<Arguments> combinedLines() {
        AccessRecord plain = get("/x");
        return Stream.of(
            line(plain, HEAD + "\"GET /x HTTP/1.1\" 200 2326 " + REFERER + " \"curl/8.5.0\""),
            line(withStatus(plain, 304, 0),
                    HEAD + "\"GET /x HTTP/1.1\" 304 - " + REFERER + " \"curl/8.5.0\""),
            // Cut short: the standard format has no completion field; %b is what got out.
            line(Records.aborted(plain, 1000),
                    HEAD + "\"GET /x HTTP/1.1\" 200 1000 " + REFERER + " \"curl/8.5.0\""),
            line(withReferer(withUserAgent(plain, null), null),
                    HEAD + "\"GET /x HTTP/1.1\" 200 2326 \"-\" \"-\""),
            line(withReferer(withUserAgent(plain, ""), ""),
                    HEAD + "\"GET /x HTTP/1.1\" 200 2326 \"\" \"\""),
            // A request line the server could not read: Apache shows the raw line, we have none.
            line(withStatus(withLine(plain, "-", "-", "-"), 400, 0),
                    HEAD + "\"-\" 400 - " + REFERER + " \"curl/8.5.0\""),
            line(withLine(plain, "POST", "/a\"b\\c", "HTTP/1.0"),
                    HEAD + "\"POST /a\\\"b\\\\c HTTP/1.0\" 200 2326 " + REFERER
                            + " \"curl/8.5.0\""),
            line(withLine(plain, "GET", "/%22%0A/\u00ff", "HTTP/1.1"),
                    HEAD + "\"GET /%22%0A/\\xff HTTP/1.1\" 200 2326 " + REFERER
                            + " \"curl/8.5.0\""),
            agent("Mozilla \"quoted\" agent", "Mozilla \\\"quoted\\\" agent"),
            agent("ends with \\", "ends with \\\\"),
            agent("\" 200 0 \"-\" \"forged", "\\\" 200 0 \\\"-\\\" \\\"forged"),
            agent("two\r\nlines", "two\\r\\nlines"),
            agent("nul\u0000after", "nul\\x00after"),
            agent("\b\t\u000b\f\u0007", "\\b\\t\\v\\x0c\\x07"),
            agent("\u001b[31mred\u007f", "\\x1b[31mred\\x7f"),
            agent("caf\u00e9", "caf\\xe9"),
            agent("caf\u00c3\u00a9 (UTF-8 bytes as received)", "caf\\xc3\\xa9 (UTF-8 bytes as received)"),
            agent("\u20ac \uD83D\uDE00", "\\xe2\\x82\\xac \\xf0\\x9f\\x98\\x80"),
            agent("\u0080\u009f\u00a0", "\\x80\\x9f\\xa0"),
            agent(" !#$%&'()*+,-./09:;<=>?@AZ[]^_`az{|}~", " !#$%&'()*+,-./09:;<=>?@AZ[]^_`az{|}~"),
            line(withClient(plain, new InetSocketAddress("2001:db8:0:0:0:0:0:1", 443)),
                    "2001:db8::1" + HEAD.substring(HEAD.indexOf(' ')) + "\"GET /x HTTP/1.1\" 200 "
                            + "2326 " + REFERER + " \"curl/8.5.0\""),
            line(withTime(plain, ZonedDateTime.of(2024, 2, 29, 0, 0, 0, 999_000_000,
                            ZoneOffset.ofHoursMinutes(5, 30))),
                    "192.0.2.7 - - [29/Feb/2024:00:00:00 +0530] \"GET /x HTTP/1.1\" 200 2326 "
                            + REFERER + " \"curl/8.5.0\""),
            line(withTime(plain, ZonedDateTime.of(1999, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC)),
                    "192.0.2.7 - - [02/Jan/1999:03:04:05 +0000] \"GET /x HTTP/1.1\" 200 2326 "
                            + REFERER + " \"curl/8.5.0\""));
    }

    @ParameterizedTest
    @MethodSource("combinedLines")
    void combinedLineIsApachesByteForByte(AccessRecord record, String expected) throws Exception {
        assertArrayEquals(ascii(expected + "\n"), written("combined", record));
    }

    @ParameterizedTest
    @MethodSource("combinedLines")
    void commonLineIsCombinedWithoutRefererAndAgent(AccessRecord record, String combined)
            throws Exception {
        String common = combinedLine(combined).group(1);
        assertArrayEquals(ascii(common + "\n"), written("common", record));
    }

    /** What log tools do: split the line with a regex, then undo the escapes. */
    @ParameterizedTest
    @MethodSource("combinedLines")
    void parsedBackEveryFieldIsTheSentBytes(AccessRecord record, String combined) {
        Matcher fields = combinedLine(combined);
        assertEquals(record.userAgent() == null ? "-" : wireText(record.userAgent()),
                unescape(fields.group(5)));
        assertEquals(record.referer() == null ? "-" : wireText(record.referer()),
                unescape(fields.group(4)));
        String requestLine = record.method().equals("-") ? "-"
                : record.method() + " " + record.target() + " " + record.protocol();
        assertEquals(wireText(requestLine), unescape(fields.group(2)));
    }

    @Test
    void monthsAreApachesEnglishAbbreviations() throws Exception {
        List<String> months = List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug",
                "Sep", "Oct", "Nov", "Dec");
        for (int m = 1; m <= 12; m++) {
            AccessRecord record = withTime(get("/"),
                    ZonedDateTime.of(2025, m, 9, 8, 7, 6, 0, ZoneOffset.ofHours(1)));
            String line = new String(written("common", record), StandardCharsets.US_ASCII);
            assertTrue(line.contains("[09/" + months.get(m - 1) + "/2025:08:07:06 +0100]"), line);
        }
    }

    private static Arguments line(AccessRecord record, String expected) {
        return Arguments.of(record, expected);
    }

    private static Arguments agent(String userAgent, String escaped) {
        return line(withUserAgent(get("/x"), userAgent),
                HEAD + "\"GET /x HTTP/1.1\" 200 2326 " + REFERER + " \"" + escaped + "\"");
    }

    private byte[] written(String format, AccessRecord record) throws Exception {
        Path file = folder.resolve(format + ".log");
        Files.deleteIfExists(file);
        TestTable config = TestTable.of("access_log[0]", folder, "path", file.getFileName().toString(),
                "format", format);
        try (AccessLogSink sink = new FileSinkProvider().create(config, null)) {
            sink.log(record);
        }
        return Files.readAllBytes(file);
    }

    /** The usual Combined regex: group 1 is the Common part; 2 request, 4 referer, 5 agent. */
    private static Matcher combinedLine(String line) {
        String quoted = "\"((?:[^\"\\\\]|\\\\.)*)\"";
        Matcher m = Pattern.compile("^(\\S+ \\S+ \\S+ \\[[^\\]]+\\] " + quoted
                + " (\\d{3}) (?:\\d+|-)) " + quoted + " " + quoted + "$").matcher(line);
        assertTrue(m.matches(), line);
        return m;
    }

    /** The text as the bytes that came off the wire, one char per byte. */
    private static String wireText(String value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        value.codePoints().forEach(c -> bytes.writeBytes(c <= 0xff ? new byte[] {(byte) c}
                : Character.toString(c).getBytes(StandardCharsets.UTF_8)));
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }

    private static String unescape(String field) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = field.charAt(++i);
            switch (e) {
                case 'b' -> out.append('\b');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'v' -> out.append('\u000b');
                case 'x' -> {
                    out.append((char) Integer.parseInt(field.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                default -> out.append(e);
            }
        }
        return out.toString();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
