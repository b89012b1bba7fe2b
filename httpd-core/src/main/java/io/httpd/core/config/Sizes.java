package io.httpd.core.config;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sizes and durations as httpd.toml writes them.
 *
 * <p>A size is a whole number of bytes, optionally followed by a unit: {@code B}, the binary
 * {@code KiB MiB GiB TiB} (powers of 1024) or the decimal {@code KB MB GB TB} (powers of 1000):
 * {@code "512"}, {@code "16KiB"}, {@code "10MiB"}, {@code "1GB"}. A duration is a whole number
 * followed by {@code ms}, {@code s}, {@code m}, {@code h} or {@code d}: {@code "500ms"},
 * {@code "10s"}, {@code "5m"}, {@code "1h"}. Units are case-sensitive; a space between number
 * and unit is allowed. Negative values, fractions and values past {@code Long.MAX_VALUE} are
 * errors.
 */
public final class Sizes {
    private static final Pattern QUANTITY = Pattern.compile("(\\d+)\\s*([A-Za-z]*)");
    private static final String SIZE_UNITS = "B, KiB, MiB, GiB, TiB, KB, MB, GB or TB";
    private static final String DURATION_UNITS = "ms, s, m, h or d";

    private Sizes() {
    }

    /**
     * Parses a size.
     *
     * @return the number of bytes, {@code >= 0}
     * @throws IllegalArgumentException with a reason for a person when the text is no size
     */
    public static long parseBytes(String text) {
        Matcher m = match(text, "size", "\"16KiB\"");
        long unit = switch (m.group(2)) {
            case "", "B" -> 1L;
            case "KiB" -> 1L << 10;
            case "MiB" -> 1L << 20;
            case "GiB" -> 1L << 30;
            case "TiB" -> 1L << 40;
            case "KB" -> 1_000L;
            case "MB" -> 1_000_000L;
            case "GB" -> 1_000_000_000L;
            case "TB" -> 1_000_000_000_000L;
            default -> throw unknownUnit(m.group(2), text, SIZE_UNITS);
        };
        return times(m.group(1), unit, text);
    }

    /**
     * Parses a duration.
     *
     * @return a duration, never negative
     * @throws IllegalArgumentException with a reason for a person when the text is no duration
     */
    public static Duration parseDuration(String text) {
        Matcher m = match(text, "duration", "\"10s\"");
        ChronoUnit unit = switch (m.group(2)) {
            case "ms" -> ChronoUnit.MILLIS;
            case "s" -> ChronoUnit.SECONDS;
            case "m" -> ChronoUnit.MINUTES;
            case "h" -> ChronoUnit.HOURS;
            case "d" -> ChronoUnit.DAYS;
            case "" -> throw new IllegalArgumentException(
                    "missing unit in \"" + text + "\" (use " + DURATION_UNITS + ")");
            default -> throw unknownUnit(m.group(2), text, DURATION_UNITS);
        };
        long millis = times(m.group(1), unit.getDuration().toMillis(), text);
        return Duration.ofMillis(millis);
    }

    /**
     * A duration as httpd.toml writes it, in the largest unit that keeps it whole:
     * {@code "10s"}, {@code "1500ms"}, {@code "5m"}, {@code "0s"}; so that log events show
     * durations the way the config does, never {@code PT10S}.
     */
    public static String formatDuration(Duration duration) {
        long millis = duration.toMillis();
        if (millis == 0) {
            return "0s";
        }
        ChronoUnit[] units = {ChronoUnit.DAYS, ChronoUnit.HOURS, ChronoUnit.MINUTES,
            ChronoUnit.SECONDS};
        String[] names = {"d", "h", "m", "s"};
        for (int i = 0; i < units.length; i++) {
            long unit = units[i].getDuration().toMillis();
            if (millis % unit == 0) {
                return millis / unit + names[i];
            }
        }
        return millis + "ms";
    }

    private static Matcher match(String text, String what, String example) {
        String s = text.strip();
        if (s.startsWith("-")) {
            throw new IllegalArgumentException("must not be negative: \"" + text + "\"");
        }
        Matcher m = QUANTITY.matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "not a " + what + ": \"" + text + "\" (write it like " + example + ")");
        }
        return m;
    }

    private static long times(String digits, long unit, String text) {
        try {
            return Math.multiplyExact(Long.parseLong(digits), unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("too large: \"" + text + "\"");
        }
    }

    private static IllegalArgumentException unknownUnit(String unit, String text, String units) {
        return new IllegalArgumentException(
                "unknown unit \"" + unit + "\" in \"" + text + "\" (use " + units + ")");
    }
}
