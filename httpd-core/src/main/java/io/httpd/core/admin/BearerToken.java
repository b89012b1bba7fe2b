package io.httpd.core.admin;

import io.httpd.api.Method;
import io.httpd.api.Request;
import io.httpd.api.Response;
import io.httpd.api.RouteHandler;
import io.httpd.api.Status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Set;

/**
 * The admin token check: {@code Authorization: Bearer <token>} (RFC 6750 §2.1), compared in
 * constant time; anything else gets 401 with {@code WWW-Authenticate: Bearer} (RFC 9110
 * §11.6.1). Without a configured token every request passes (loopback addresses only).
 */
final class BearerToken {
    private static final Status UNAUTHORIZED = new Status(401, "Unauthorized");
    private static final String SCHEME = "bearer ";

    private final boolean required;
    private final byte[] digest;

    BearerToken(String token) {
        this.required = !token.isEmpty();
        this.digest = sha256(token);
    }

    /** The handler, answering only requests that carry the token. */
    RouteHandler guard(RouteHandler handler) {
        if (!required) {
            return handler;
        }
        return new RouteHandler() {
            @Override
            public Response handle(Request request) throws IOException {
                return accepts(request.headers().all("Authorization")) ? handler.handle(request)
                        : AdminEndpoints.text(UNAUTHORIZED, "a bearer token is required\n")
                                .withHeader("WWW-Authenticate", "Bearer realm=\"httpd admin\"");
            }

            @Override
            public Set<Method> methods() {
                return handler.methods();
            }
        };
    }

    /** Exactly one Authorization field, scheme Bearer (any case), the token in constant time. */
    boolean accepts(List<String> authorization) {
        if (authorization.size() != 1) {
            return false;
        }
        String value = authorization.getFirst();
        if (value.length() < SCHEME.length()
                || !value.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return false;
        }
        // digests of equal length, compared in constant time: neither where the values differ
        // nor the token's length shows in the time taken
        return MessageDigest.isEqual(sha256(value.substring(SCHEME.length()).strip()), digest);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(
                    text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
