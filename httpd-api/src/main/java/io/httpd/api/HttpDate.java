package io.httpd.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.SignStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Optional;

/**
 * HTTP-date (RFC 9110 §5.6.7), for the Date, Last-Modified, If-Modified-Since and similar
 * fields: IMF-fixdate is generated; IMF-fixdate, the obsolete RFC 850 form and asctime form
 * are accepted, case-sensitively, all in GMT.
 */
public final class HttpDate {
    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul",
        "Aug", "Sep", "Oct", "Nov", "Dec"};

    private HttpDate() {
    }

    /**
     * The IMF-fixdate of an instant, to the second: {@code Sun, 06 Nov 1994 08:49:37 GMT}.
     * Written out by hand: a DateTimeFormatter's day and month names come from the locale
     * data, whose loading costs the server's first response tens of ms.
     *
     * @param time the instant; its fraction of a second is dropped
     * @return 29 characters (for the years 1 to 9999)
     */
    public static String format(Instant time) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(time.getEpochSecond(), 0, ZoneOffset.UTC);
        if (t.getYear() < 1 || t.getYear() > 9999) {
            return Forms.IMF_FIXDATE.format(time);
        }
        StringBuilder s = new StringBuilder(29).append(DAYS[t.getDayOfWeek().ordinal()])
                .append(", ");
        digits(s, t.getDayOfMonth(), 2).append(' ').append(MONTHS[t.getMonthValue() - 1])
                .append(' ');
        digits(s, t.getYear(), 4).append(' ');
        digits(s, t.getHour(), 2).append(':');
        digits(s, t.getMinute(), 2).append(':');
        return digits(s, t.getSecond(), 2).append(" GMT").toString();
    }

    private static StringBuilder digits(StringBuilder s, int value, int width) {
        for (int unit = width == 4 ? 1000 : 10; unit > 0; unit /= 10) {
            s.append((char) ('0' + value / unit % 10));
        }
        return s;
    }

    /**
     * The instant of an HTTP-date in any of its three forms.
     *
     * @param value a field value
     * @return the instant, or empty when the value is no HTTP-date
     */
    public static Optional<Instant> parse(String value) {
        for (DateTimeFormatter form : new DateTimeFormatter[] {Forms.IMF_FIXDATE, Forms.RFC_850,
                Forms.ASCTIME}) {
            try {
                return Optional.of(form.parse(value, Instant::from));
            } catch (DateTimeParseException e) {
                // not this form; try the next
            }
        }
        return Optional.empty();
    }

    /** The three forms, made when a date is first parsed (a conditional request). */
    private static final class Forms {
        /** {@code Sun, 06 Nov 1994 08:49:37 GMT}: two-digit day, unlike RFC_1123_DATE_TIME. */
        static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter
                .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

        /**
         * {@code Sunday, 06-Nov-94 08:49:37 GMT}. A two-digit year that would lie more than 50
         * years in the future means the most recent past year with those digits (§5.6.7).
         */
        static final DateTimeFormatter RFC_850 = new DateTimeFormatterBuilder()
                .appendPattern("EEEE, dd-MMM-")
                .appendValueReduced(ChronoField.YEAR, 2, 2,
                        LocalDate.now(ZoneOffset.UTC).minusYears(49))
                .appendPattern(" HH:mm:ss 'GMT'")
                .toFormatter(Locale.US).withZone(ZoneOffset.UTC);

        /** {@code Sun Nov  6 08:49:37 1994}: the day padded with a space. */
        static final DateTimeFormatter ASCTIME = new DateTimeFormatterBuilder()
                .appendPattern("EEE MMM ")
                .padNext(2, ' ')
                .appendValue(ChronoField.DAY_OF_MONTH, 1, 2, SignStyle.NOT_NEGATIVE)
                .appendPattern(" HH:mm:ss yyyy")
                .toFormatter(Locale.US).withZone(ZoneOffset.UTC);

        private Forms() {
        }
    }
}
