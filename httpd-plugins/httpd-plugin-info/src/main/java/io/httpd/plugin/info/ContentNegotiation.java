package io.httpd.plugin.info;

import io.httpd.api.Headers;
import io.httpd.api.QualityList;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Picks JSON or HTML from the request's Accept field (RFC 9110 §12.5.1): each format takes the
 * weight of the most specific media range that matches it ({@code text/html;charset=utf-8}
 * over {@code text/html} over {@code text/*} over {@code *}{@code /*}); HTML wins only with a
 * higher weight than JSON. Without the field, with no valid range, on a tie, or when both are
 * refused ({@code q=0}), the answer is JSON: this handler never sends 406 (§15.5.7 allows
 * sending an unacceptable representation instead).
 */
final class ContentNegotiation {
    /** The two representations. */
    enum Format {
        JSON("application", "json", Map.of()),
        HTML("text", "html", Map.of("charset", "utf-8"));

        final String type;
        final String subtype;
        final Map<String, String> parameters;

        Format(String type, String subtype, Map<String, String> parameters) {
            this.type = type;
            this.subtype = subtype;
            this.parameters = parameters;
        }
    }

    /**
     * One element of Accept: {@code type/subtype *( OWS ";" OWS parameter ) [ weight ]}.
     *
     * @param parameters names in lower case; values unquoted
     * @param weight     the qvalue in thousandths (§12.4.2)
     */
    record MediaRange(String type, String subtype, Map<String, String> parameters, int weight) {
        /** 0 when this range does not match the format, else higher for a more specific range. */
        int precedence(Format format) {
            if (type.equals("*")) {
                return parameters.isEmpty() ? 1 : 0;
            }
            if (!type.equals(format.type)) {
                return 0;
            }
            if (subtype.equals("*")) {
                return parameters.isEmpty() ? 2 : 0;
            }
            if (!subtype.equals(format.subtype)) {
                return 0;
            }
            for (Map.Entry<String, String> p : parameters.entrySet()) {
                if (!p.getValue().equalsIgnoreCase(format.parameters.get(p.getKey()))) {
                    return 0;
                }
            }
            return parameters.isEmpty() ? 3 : 4;
        }
    }

    private ContentNegotiation() {
    }

    /** The format to send for a request's header fields. */
    static Format choose(Headers headers) {
        List<MediaRange> ranges = parse(headers.all("Accept"));
        return weight(ranges, Format.HTML) > weight(ranges, Format.JSON) ? Format.HTML : Format.JSON;
    }

    /** The weight the most specific matching range gives a format; 0 when none matches. */
    static int weight(List<MediaRange> ranges, Format format) {
        int best = 0;
        int weight = 0;
        for (MediaRange range : ranges) {
            int precedence = range.precedence(format);
            if (precedence > best) {
                best = precedence;
                weight = range.weight();
            }
        }
        return weight;
    }

    /** The valid media ranges of every Accept line, taken as one list; invalid ones are skipped. */
    static List<MediaRange> parse(List<String> lines) {
        List<MediaRange> ranges = new ArrayList<>();
        for (QualityList.Element element : QualityList.parse(lines)) {
            MediaRange range = range(element);
            if (range != null) {
                ranges.add(range);
            }
        }
        return ranges;
    }

    private static MediaRange range(QualityList.Element element) {
        String mediaType = element.value();
        int slash = mediaType.indexOf('/');
        if (slash < 0 || !isToken(mediaType.substring(0, slash))
                || !isToken(mediaType.substring(slash + 1))) {
            return null;
        }
        String type = mediaType.substring(0, slash);
        String subtype = mediaType.substring(slash + 1);
        if (type.equals("*") && !subtype.equals("*")) {
            return null;
        }
        return new MediaRange(type, subtype, element.parameters(), element.weight());
    }

    /** {@code tchar} of RFC 9110 §5.6.2. */
    private static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c < 128 && (Character.isLetterOrDigit(c) || "!#$%&'*+-.^_`|~".indexOf(c) >= 0))) {
                return false;
            }
        }
        return true;
    }
}
