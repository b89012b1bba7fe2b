package io.httpd.plugin.staticfiles;

import io.httpd.api.Headers;
import io.httpd.api.QualityList;

import java.util.HashMap;
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

    /** The weights without the field: identity only. */
    private static final AcceptEncoding ABSENT = new AcceptEncoding(Map.of());

    /** The weights of a request's Accept-Encoding lines, all lines taken as one list. */
    static AcceptEncoding of(Headers headers) {
        if (!headers.contains("Accept-Encoding")) {
            return ABSENT; // nothing to parse: a client such as curl or wrk that sends none
        }
        Map<String, Integer> weights = new HashMap<>();
        for (QualityList.Element element : QualityList.parse(headers.all("Accept-Encoding"))) {
            String coding = element.value();
            weights.put(coding.equals("x-gzip") ? "gzip" : coding, element.weight());
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
}
