package io.httpd.plugin.accesslog;

import io.httpd.api.AccessRecord;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;

/**
 * One JSON object per line, written with Jackson's streaming generator (UTF-8), which escapes
 * quotes, backslashes and every control character, so no value can end a line. The keys, in
 * this order:
 * <pre>
 * ts           string  "2000-10-10T13:55:36.000-07:00": ms and numeric offset, always
 * client       string  "192.0.2.7:51234", or "[2001:db8::7]:51234"
 * method       string  "GET", or "-" when the request line could not be read
 * target       string  the request-target as received, or "-"
 * protocol     string  "HTTP/1.1", "HTTP/1.0", or "-"
 * status       number  200
 * bytes        number  content bytes sent, 0 for none
 * duration_ms  number  milliseconds with exactly three decimals (microseconds): 12.345
 * referer      string  or null when absent
 * user_agent   string  or null when absent
 * route        string  the path of the route that answered, or null for none
 * request_id   string  or null when absent
 * </pre>
 * Text from the request arrives one char per byte as received (ISO-8859-1). Target, Referer and
 * User-Agent are written as the characters their bytes encode when the bytes are valid UTF-8,
 * else as those chars (U+0000 to U+00FF), so the line is valid UTF-8 either way.
 */
final class JsonLineFormat implements RecordFormat {
    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxxx");

    private final JsonFactory json = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    @Override
    public void write(AccessRecord record, LineBuffer line) {
        try (JsonGenerator out = json.createGenerator(ObjectWriteContext.empty(), line)) {
            out.writeStartObject();
            out.writeStringProperty("ts", TIME.format(record.timestamp()));
            out.writeStringProperty("client", ClientAddress.hostAndPort(record.client()));
            out.writeStringProperty("method", record.method());
            out.writeStringProperty("target", fromWire(record.target()));
            out.writeStringProperty("protocol", record.protocol());
            out.writeNumberProperty("status", record.status());
            out.writeNumberProperty("bytes", record.bytes());
            out.writeName("duration_ms");
            out.writeNumber(milliseconds(record.duration()));
            out.writeStringProperty("referer", fromWire(record.referer()));
            out.writeStringProperty("user_agent", fromWire(record.userAgent()));
            out.writeStringProperty("route", record.route());
            out.writeStringProperty("request_id", record.requestId());
            out.writeEndObject();
        }
        line.write('\n');
    }

    /** {@code 12.345}: whole milliseconds, a point, and three digits of microseconds. */
    static String milliseconds(Duration duration) {
        long micros = Math.max(0, duration.toNanos() / 1_000);
        long fraction = micros % 1_000;
        return (micros / 1_000) + (fraction < 10 ? ".00" : fraction < 100 ? ".0" : ".") + fraction;
    }

    /**
     * The text that request bytes (one char each) stand for: decoded as UTF-8 when they are
     * valid UTF-8 and not plain ASCII, else unchanged. Null stays null.
     */
    String fromWire(String value) {
        if (value == null || value.chars().allMatch(c -> c < 0x80)
                || value.chars().anyMatch(c -> c > 0xff)) {
            return value;
        }
        try {
            ByteBuffer bytes = StandardCharsets.ISO_8859_1.encode(value);
            CharBuffer text = utf8.reset().decode(bytes);
            return text.toString();
        } catch (CharacterCodingException notUtf8) {
            return value;
        }
    }
}
