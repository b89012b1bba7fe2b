package io.httpd.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A field of weighted elements such as Accept or Accept-Encoding (RFC 9110 §12.4.2):
 * {@code #( value *( OWS ";" OWS name "=" value ) [ OWS ";" OWS "q=" qvalue ] )}. Every line of
 * the field is read as one list (§5.3). What a value means (a media range, a coding) and how
 * elements are matched is the caller's business.
 *
 * <p>Lenient where the RFC lets a recipient be: empty elements are skipped (§5.6.1), names and
 * values are case-insensitive (returned in lower case), quoted parameter values are unquoted
 * (§5.6.4), and the weight ends the parameters (§12.5.1: what follows it is ignored). An
 * element with a malformed weight or a parameter without {@code =} is skipped whole.
 */
public final class QualityList {
    /** The weight of an element without {@code q}: 1, in thousandths. */
    public static final int DEFAULT_WEIGHT = 1000;

    private QualityList() {
    }

    /**
     * One element of the list.
     *
     * @param value      the element's value before any parameter, lower case, such as
     *                   {@code text/html} or {@code gzip}
     * @param parameters names in lower case, values unquoted, in no particular order
     * @param weight     the qvalue in thousandths, 0 to 1000
     */
    public record Element(String value, Map<String, String> parameters, int weight) {
        public Element {
            parameters = Map.copyOf(parameters);
        }
    }

    /**
     * The valid elements of every line of a field, in order: the lines joined with commas, as
     * RFC 9110 §5.3 combines them, so a quoted string a line leaves open runs on into the next
     * one exactly as in the combined value (a field means the same in one line or in several).
     */
    public static List<Element> parse(List<String> lines) {
        List<Element> elements = new ArrayList<>();
        for (String item : split(String.join(",", lines), ',')) {
            Element element = element(item);
            if (element != null) {
                elements.add(element);
            }
        }
        return List.copyOf(elements);
    }

    /**
     * {@code qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )} (§12.4.2), in
     * thousandths, or -1 when the text is no qvalue.
     */
    public static int qvalue(String text) {
        if (text.isEmpty() || text.length() > 5
                || (text.charAt(0) != '0' && text.charAt(0) != '1')) {
            return -1;
        }
        int value = (text.charAt(0) - '0') * 1000;
        if (text.length() > 1) {
            if (text.charAt(1) != '.') {
                return -1;
            }
            int scale = 100;
            for (int i = 2; i < text.length(); i++, scale /= 10) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') {
                    return -1;
                }
                value += (c - '0') * scale;
            }
        }
        return value > 1000 ? -1 : value;
    }

    private static Element element(String item) {
        List<String> parts = split(item, ';');
        String value = parts.getFirst().strip().toLowerCase(Locale.ROOT);
        if (value.isEmpty()) {
            return null;
        }
        Map<String, String> parameters = new HashMap<>();
        int weight = DEFAULT_WEIGHT;
        for (String part : parts.subList(1, parts.size())) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                return null;
            }
            String name = part.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String parameter = unquote(part.substring(eq + 1).strip());
            if (name.equals("q")) {
                weight = qvalue(parameter);
                break;
            }
            parameters.put(name, parameter);
        }
        return weight < 0 ? null : new Element(value, parameters, weight);
    }

    /** Splits at a separator outside quoted strings (§5.6.4), keeping escapes as they are. */
    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == separator && !quoted) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    private static String unquote(String value) {
        if (value.length() < 2 || value.charAt(0) != '"' || !value.endsWith("\"")) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 1; i < value.length() - 1; i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length() - 1) {
                c = value.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }
}
