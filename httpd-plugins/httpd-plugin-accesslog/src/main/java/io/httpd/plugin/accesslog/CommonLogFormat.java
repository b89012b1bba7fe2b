package io.httpd.plugin.accesslog;

import io.httpd.api.AccessRecord;

import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Map;

/**
 * Apache httpd's Common and Combined Log Formats, byte for byte:
 * <pre>
 * common:   %h %l %u %t "%r" %&gt;s %b
 * combined: %h %l %u %t "%r" %&gt;s %b "%{Referer}i" "%{User-agent}i"
 *
 * 192.0.2.7 - - [10/Oct/2000:13:55:36 -0700] "GET /x HTTP/1.1" 200 2326 "-" "curl/8.5.0"
 * </pre>
 * <ul>
 *   <li>{@code %h} the client's IP address (see {@link ClientAddress}); {@code %l} and
 *       {@code %u} are always {@code -} (no identd, no authenticated user);</li>
 *   <li>{@code %t} the record's timestamp in its own zone, with English month abbreviations;</li>
 *   <li>{@code %r} method, target and protocol separated by one space, or {@code -} when the
 *       request line could not be read (the record's method is {@code "-"}; Apache would show
 *       the raw first line, which the server does not keep);</li>
 *   <li>{@code %>s} the status sent; {@code %b} the content bytes, {@code -} for none;</li>
 *   <li>Referer and User-Agent as sent, {@code -} when absent (an empty field stays empty).</li>
 * </ul>
 * Every value from the request is escaped by {@link LogItemEscape}, as Apache does.
 */
final class CommonLogFormat implements RecordFormat {
    /** {@code [10/Oct/2000:13:55:36 -0700]} without the brackets: Apache's {@code %t}. */
    static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
            .appendPattern("dd/")
            .appendText(ChronoField.MONTH_OF_YEAR, Map.ofEntries(
                    Map.entry(1L, "Jan"), Map.entry(2L, "Feb"), Map.entry(3L, "Mar"),
                    Map.entry(4L, "Apr"), Map.entry(5L, "May"), Map.entry(6L, "Jun"),
                    Map.entry(7L, "Jul"), Map.entry(8L, "Aug"), Map.entry(9L, "Sep"),
                    Map.entry(10L, "Oct"), Map.entry(11L, "Nov"), Map.entry(12L, "Dec")))
            .appendPattern("/uuuu:HH:mm:ss xx")
            .toFormatter(Locale.ROOT);

    private final boolean combined;
    private final StringBuilder text = new StringBuilder(64);
    private final SecondCache time = new SecondCache(TIME::format);

    /** @param combined whether to add Referer and User-Agent (Combined) or not (Common) */
    CommonLogFormat(boolean combined) {
        this.combined = combined;
    }

    @Override
    public void write(AccessRecord record, LineBuffer line) {
        LogItemEscape.append(ClientAddress.host(record.client()), line);
        text.setLength(0);
        text.append(" - - [");
        text.append(time.text(record.timestamp())); // formatted once a second, as Apache does
        text.append("] \"");
        line.latin1(text);
        requestLine(record, line);
        text.setLength(0);
        text.append("\" ").append(record.status()).append(' ');
        if (record.bytes() == 0) {
            text.append('-');
        } else {
            text.append(record.bytes());
        }
        line.latin1(text);
        if (combined) {
            quotedField(record.referer(), line);
            quotedField(record.userAgent(), line);
        }
        line.write('\n');
    }

    private static void requestLine(AccessRecord record, LineBuffer line) {
        if (record.method().equals("-")) {
            line.write('-');
            return;
        }
        LogItemEscape.append(record.method(), line);
        line.write(' ');
        LogItemEscape.append(record.target(), line);
        line.write(' ');
        LogItemEscape.append(record.protocol(), line);
    }

    /** {@code  "value"} with a leading space; {@code  "-"} when the field was absent. */
    private static void quotedField(String value, LineBuffer line) {
        line.write(' ');
        line.write('"');
        if (value == null) {
            line.write('-');
        } else {
            LogItemEscape.append(value, line);
        }
        line.write('"');
    }
}
