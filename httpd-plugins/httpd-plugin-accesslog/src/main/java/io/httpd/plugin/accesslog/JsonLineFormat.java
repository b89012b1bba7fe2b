package io.httpd.plugin.accesslog;

import io.httpd.api.AccessRecord;
import io.httpd.api.ConnectionInfo;
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
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * One JSON object per line, written with Jackson's streaming generator (UTF-8), which escapes
 * quotes, backslashes and every control character, so no value can end a line. The keys, their
 * order and forms are documented on {@link JsonSinkProvider}.
 */
final class JsonLineFormat implements RecordFormat {
    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxxx");
    /** {@link #TIME} up to the seconds, the point, and after the milliseconds. */
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.");
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xxx");

    private final JsonFactory json = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .rootValueSeparator((String) null)
            .build();
    private LineBuffer target;
    private JsonGenerator generator;
    private final SecondCache seconds = new SecondCache(SECONDS::format);
    private final SecondCache offset = new SecondCache(OFFSET::format);
    private final StringBuilder ts = new StringBuilder(32);
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    @Override
    public void write(AccessRecord record, LineBuffer line) {
        JsonGenerator out = generator(line);
        out.writeStartObject();
        out.writeStringProperty("ts", timestamp(record.timestamp()));
        out.writeStringProperty("client", ClientAddress.hostAndPort(record.client()));
        // the TCP peer: the client itself, or the proxy that spoke for it
        out.writeStringProperty("peer", ClientAddress.hostAndPort(record.connection().remote()));
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
        out.writeBooleanProperty("aborted", record.aborted());
        if (record.validator() != null) {
            out.writeStringProperty("validator", record.validator());
        }
        record.connection().tls().ifPresent(tls -> tls(tls, out));
        out.writeEndObject();
        out.writeRaw('\n');
        out.flush();
    }

    /** The TLS session's keys, after the others; only over TLS, each only when known. */
    private static void tls(ConnectionInfo.Tls tls, JsonGenerator out) {
        out.writeStringProperty("tls_protocol", tls.protocol());
        out.writeStringProperty("tls_cipher", tls.cipher());
        tls.serverName().ifPresent(sni -> out.writeStringProperty("sni", sni));
        tls.peerSubject().ifPresent(subject -> out.writeStringProperty("client_cert", subject));
    }

    /**
     * One generator for all the lines written to one buffer: creating one per line cost more
     * than writing the line. Root values are separated by nothing but the newline written
     * after each.
     */
    private JsonGenerator generator(LineBuffer line) {
        if (line != target) {
            generator = json.createGenerator(ObjectWriteContext.empty(), line);
            target = line;
        }
        return generator;
    }

    /** {@link #TIME}'s text, formatted once a second and completed with the milliseconds. */
    private String timestamp(ZonedDateTime time) {
        int millis = time.getNano() / 1_000_000;
        ts.setLength(0);
        ts.append(seconds.text(time)).append((char) ('0' + millis / 100))
                .append((char) ('0' + millis / 10 % 10)).append((char) ('0' + millis % 10))
                .append(offset.text(time));
        return ts.toString();
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
    /** Whether the value has a byte from 0x80 up and nothing above 0xff. */
    private static boolean needsDecoding(String value) {
        boolean high = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0xff) {
                return false;
            }
            high |= c >= 0x80;
        }
        return high;
    }

    String fromWire(String value) {
        if (value == null || !needsDecoding(value)) {
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
