package io.httpd.api;

import java.util.ArrayList;
import java.util.List;

/**
 * The cookies a request carries in its {@code Cookie} field (RFC 6265 §4.2.1:
 * {@code cookie-pair *( ";" SP cookie-pair )}), as {@link Parameters} in the order sent.
 * Parsing is lenient where user agents are: whitespace around a pair is skipped, a pair
 * without {@code =} or with a name that is not a token is dropped, and a value in double
 * quotes loses its quotes. Values are not percent-decoded: RFC 6265 defines no encoding.
 *
 * <pre>{@code
 * // Cookie: session=abc123; theme="dark"
 * Cookies.of(request.headers()).first("theme");   // Optional[dark]
 * }</pre>
 */
public final class Cookies {
    private Cookies() {
    }

    /** The cookies of every {@code Cookie} field of these headers, in order. */
    public static Parameters of(Headers headers) {
        List<Parameters.Pair> pairs = new ArrayList<>();
        for (String line : headers.all("Cookie")) {
            for (String pair : line.split(";")) {
                Parameters.Pair cookie = pair(pair.strip());
                if (cookie != null) {
                    pairs.add(cookie);
                }
            }
        }
        return Parameters.of(pairs);
    }

    private static Parameters.Pair pair(String text) {
        int eq = text.indexOf('=');
        if (eq < 0) {
            return null;
        }
        String name = text.substring(0, eq).strip();
        String value = text.substring(eq + 1).strip();
        if (!Token.isToken(name)) {
            return null;
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        return new Parameters.Pair(name, value);
    }
}
