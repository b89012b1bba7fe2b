package io.httpd.plugin.staticfiles;

import io.httpd.api.Headers;
import io.httpd.api.HttpDate;
import io.httpd.api.Method;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Conditional requests (RFC 9110 §13) against the validators of one representation: its
 * strong entity tag and its Last-Modified time, whole seconds. Evaluated only when the
 * response would otherwise be 2xx (§13.2.1), that is, for a file that exists.
 */
final class Conditionals {
    /** What the preconditions decide. */
    enum Outcome {
        /** Go on: serve the representation (ranges are evaluated next). */
        PROCEED,
        /** 304: an If-None-Match or If-Modified-Since condition is false on GET or HEAD. */
        NOT_MODIFIED,
        /** 412: an If-Match or If-Unmodified-Since condition is false. */
        PRECONDITION_FAILED,
    }

    /**
     * A Last-Modified time is a strong validator only when it is at least this much older
     * than the response's Date (§8.8.2.2); If-Range may use a date only then (§13.1.5).
     */
    static final Duration STRONG_DATE_AGE = Duration.ofSeconds(1);

    private Conditionals() {
    }

    /**
     * Whether a request carries none of the fields that §13 and §14 evaluate (If-Match,
     * If-None-Match, If-Modified-Since, If-Unmodified-Since, If-Range, Range): then it gets
     * the whole representation. One pass over the fields, where the checks would take six.
     */
    static boolean noneApply(Headers headers) {
        List<Headers.Field> fields = headers.fields();
        for (int i = 0, n = fields.size(); i < n; i++) { // no iterator
            String name = fields.get(i).name();
            if (name.regionMatches(true, 0, "If-", 0, 3) || name.equalsIgnoreCase("Range")) {
                return false;
            }
        }
        return true;
    }

    /**
     * The precedence of §13.2.2: If-Match, else If-Unmodified-Since; then If-None-Match, else
     * (GET and HEAD only) If-Modified-Since. Range and If-Range are the caller's last step.
     */
    static Outcome evaluate(Method method, Headers headers, EntityTag etag, Instant lastModified) {
        boolean getOrHead = method.equals(Method.GET) || method.equals(Method.HEAD);
        if (headers.contains("If-Match")) {
            if (!ifMatch(joined(headers, "If-Match"), etag)) {
                return Outcome.PRECONDITION_FAILED;
            }
        } else if (single(headers, "If-Unmodified-Since").flatMap(HttpDate::parse)
                .filter(date -> lastModified.isAfter(date)).isPresent()) {
            return Outcome.PRECONDITION_FAILED; // §13.1.4: false when modified after the date
        }
        if (headers.contains("If-None-Match")) {
            if (ifNoneMatchFails(joined(headers, "If-None-Match"), etag)) {
                return getOrHead ? Outcome.NOT_MODIFIED : Outcome.PRECONDITION_FAILED;
            }
        } else if (getOrHead && single(headers, "If-Modified-Since").flatMap(HttpDate::parse)
                .filter(date -> !lastModified.isAfter(date)).isPresent()) {
            return Outcome.NOT_MODIFIED; // §13.1.3: false when not modified since the date
        }
        return Outcome.PROCEED;
    }

    /**
     * If-Range (§13.1.5): true when its entity tag matches strongly, or when its date equals
     * Last-Modified exactly and Last-Modified is a strong validator at {@code now}. A weak tag,
     * an unparsable value or a date that does not match is false: send the whole content.
     */
    static boolean ifRange(String value, EntityTag etag, Instant lastModified, Instant now) {
        String trimmed = value.strip();
        if (trimmed.startsWith("\"") || trimmed.startsWith("W/")) {
            return EntityTag.parse(trimmed).filter(etag::strongMatch).isPresent();
        }
        boolean strongDate = !lastModified.plus(STRONG_DATE_AGE).isAfter(now);
        return strongDate && HttpDate.parse(trimmed).filter(lastModified::equals).isPresent();
    }

    /** §13.1.1: true for {@code *} (the file exists) or a strongly matching tag. */
    private static boolean ifMatch(String value, EntityTag etag) {
        if (value.strip().equals("*")) {
            return true;
        }
        return EntityTag.parseList(value).stream().anyMatch(etag::strongMatch);
    }

    /** §13.1.2: the condition is false for {@code *} or a weakly matching tag. */
    private static boolean ifNoneMatchFails(String value, EntityTag etag) {
        if (value.strip().equals("*")) {
            return true;
        }
        return EntityTag.parseList(value).stream().anyMatch(etag::weakMatch);
    }

    /** A list field's lines joined into one list (§5.3). */
    private static String joined(Headers headers, String name) {
        return String.join(",", headers.all(name));
    }

    /**
     * A date field's value when it appears once; §13.1.3 and §13.1.4 ignore a field with more
     * than one member, and a date has a comma of its own, so more than one line is ignored.
     */
    private static Optional<String> single(Headers headers, String name) {
        List<String> values = headers.all(name);
        return values.size() == 1 ? Optional.of(values.getFirst().strip()) : Optional.empty();
    }
}
