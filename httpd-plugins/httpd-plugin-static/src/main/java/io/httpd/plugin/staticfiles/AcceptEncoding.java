package io.httpd.plugin.staticfiles;

import io.httpd.api.Headers;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The weights an Accept-Encoding field gives to content codings (RFC 9110 §12.5.3):
 * {@code #( codings [ OWS ";" OWS "q=" qvalue ] )}, {@code *} standing for every coding not
 * listed, {@code x-gzip} the same as {@code gzip} (§8.4.1.3). Without the field only
 * identity is used (the route serves sidecars only to clients that ask for them).
 */
final class AcceptEncoding {
    private static final int UNLISTED = -1;

    /** Weight per coding, in thousandths; {@code "*"} for the wildcard. */
    private final Map<String, Integer> weights;

    private AcceptEncoding(Map<String, Integer> weights) {
        this.weights = weights;
    }

    /** The weights of a request's Accept-Encoding lines, all lines taken as one list. */
    static AcceptEncoding of(Headers headers) {
        Map<String, Integer> weights = new HashMap<>();
        for (String line : headers.all("Accept-Encoding")) {
            for (String element : line.split(",")) {
                parseElement(element, weights);
            }
        }
        return new AcceptEncoding(weights);
    }

    /**
     * The weight of a coding in thousandths (0 = not acceptable). Identity, unless listed or
     * excluded by {@code *;q=0}, weighs 1000; any other unlisted coding takes the wildcard's
     * weight, or 0.
     */
    int weight(String coding) {
        int own = weights.getOrDefault(coding, UNLISTED);
        if (own != UNLISTED) {
            return own;
        }
        int star = weights.getOrDefault("*", UNLISTED);
        if (coding.equals("identity")) {
            return star == 0 ? 0 : 1000;
        }
        return Math.max(star, 0);
    }

    private static void parseElement(String element, Map<String, Integer> weights) {
        String[] parts = element.split(";");
        String coding = parts[0].strip().toLowerCase(Locale.ROOT);
        if (coding.isEmpty()) {
            return; // an empty list element (§5.6.1)
        }
        int weight = 1000;
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            if (parameter.regionMatches(true, 0, "q=", 0, 2)) {
                weight = qvalue(parameter.substring(2));
            }
        }
        if (weight < 0) {
            return; // a malformed weight: ignore the element
        }
        weights.put(coding.equals("x-gzip") ? "gzip" : coding, weight);
    }

    /** {@code qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )} (§12.4.2), or -1. */
    static int qvalue(String text) {
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
}
