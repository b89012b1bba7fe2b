package io.httpd.api;

import java.time.Duration;
import java.util.Objects;

/**
 * A {@code Set-Cookie} field value (RFC 6265 §4.1), checked so that it cannot break the header:
 * the name a token, the value cookie-octets only (no space, {@code "}, {@code ,}, {@code ;} or
 * {@code \}; encode anything else yourself), the path without controls or {@code ;}. Defaults:
 * {@code HttpOnly} and {@code SameSite=Lax}, no Path, Max-Age or Secure.
 *
 * <pre>{@code
 * SetCookie c = SetCookie.of("session", "abc123").withPath("/").withMaxAge(Duration.ofHours(1))
 *         .withSecure(true);
 * response.withHeader("Set-Cookie", c.fieldValue());
 * // session=abc123; Path=/; Max-Age=3600; Secure; HttpOnly; SameSite=Lax
 * }</pre>
 *
 * @param name     the cookie's name
 * @param value    its value; empty to clear it (with a Max-Age of zero)
 * @param path     the Path attribute, or {@code null} for none
 * @param maxAge   the Max-Age attribute, in whole seconds, or {@code null} for a session cookie
 * @param secure   whether to send {@code Secure}
 * @param httpOnly whether to send {@code HttpOnly}
 * @param sameSite {@code Strict}, {@code Lax} or {@code None}, or {@code null} for none
 */
public record SetCookie(String name, String value, String path, Duration maxAge, boolean secure,
                        boolean httpOnly, String sameSite) {
    public SetCookie {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (!Token.isToken(name)) {
            throw new IllegalArgumentException("not a cookie name: " + name);
        }
        if (!value.chars().allMatch(SetCookie::isCookieOctet)) {
            throw new IllegalArgumentException("not a cookie value (RFC 6265 §4.1.1): " + value);
        }
        if (path != null && (path.indexOf(';') >= 0 || !Token.isFieldValue(path))) {
            throw new IllegalArgumentException("not a cookie path: " + path);
        }
        if (maxAge != null && maxAge.isNegative()) {
            throw new IllegalArgumentException("negative Max-Age: " + maxAge);
        }
        if (sameSite != null && !sameSite.matches("Strict|Lax|None")) {
            throw new IllegalArgumentException("SameSite must be Strict, Lax or None: " + sameSite);
        }
    }

    /** A cookie with the defaults: HttpOnly, SameSite=Lax. */
    public static SetCookie of(String name, String value) {
        return new SetCookie(name, value, null, null, false, true, "Lax");
    }

    /** A copy with this Path. */
    public SetCookie withPath(String p) {
        return new SetCookie(name, value, p, maxAge, secure, httpOnly, sameSite);
    }

    /** A copy with this Max-Age (zero deletes the cookie). */
    public SetCookie withMaxAge(Duration age) {
        return new SetCookie(name, value, path, age, secure, httpOnly, sameSite);
    }

    /** A copy with or without Secure. */
    public SetCookie withSecure(boolean on) {
        return new SetCookie(name, value, path, maxAge, on, httpOnly, sameSite);
    }

    /** A copy with or without HttpOnly. */
    public SetCookie withHttpOnly(boolean on) {
        return new SetCookie(name, value, path, maxAge, secure, on, sameSite);
    }

    /** A copy with this SameSite, or none for {@code null}. */
    public SetCookie withSameSite(String mode) {
        return new SetCookie(name, value, path, maxAge, secure, httpOnly, mode);
    }

    /** The field value: {@code name=value} and the attributes, in RFC 6265's order. */
    public String fieldValue() {
        StringBuilder out = new StringBuilder(name).append('=').append(value);
        if (path != null) {
            out.append("; Path=").append(path);
        }
        if (maxAge != null) {
            out.append("; Max-Age=").append(maxAge.toSeconds());
        }
        if (secure) {
            out.append("; Secure");
        }
        if (httpOnly) {
            out.append("; HttpOnly");
        }
        if (sameSite != null) {
            out.append("; SameSite=").append(sameSite);
        }
        return out.toString();
    }

    /** {@code cookie-octet = %x21 / %x23-2B / %x2D-3A / %x3C-5B / %x5D-7E}. */
    private static boolean isCookieOctet(int c) {
        return c == 0x21 || (c >= 0x23 && c <= 0x2B) || (c >= 0x2D && c <= 0x3A)
                || (c >= 0x3C && c <= 0x5B) || (c >= 0x5D && c <= 0x7E);
    }
}
