package io.httpd.plugin.guard;

import io.httpd.api.Headers;
import io.httpd.api.Request;
import io.httpd.api.RequestValidator;
import io.httpd.api.Status;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;

/**
 * Validator {@code basic-auth}: HTTP Basic authentication (RFC 7617) against an htpasswd file.
 * A request without valid credentials gets 401 with
 * {@code WWW-Authenticate: Basic realm="...", charset="UTF-8"} (RFC 9110 §11.6.1, RFC 7617
 * §2.1). Over a connection without TLS the password would cross the network readable, so such
 * a request is refused with 403 before any credentials are looked at, unless
 * {@code allow_plain = true}. What counts is the request's scheme: behind a trusted proxy that
 * ended TLS, the one its {@code X-Forwarded-Proto} named. The file is read again on reload (SIGHUP); a file that no longer
 * reads keeps the users it had.
 */
final class BasicAuthValidator implements RequestValidator {
    private final Path file;
    private final Headers challenge;
    private final boolean allowPlain;
    private final Scope scope;
    private volatile Htpasswd users;

    BasicAuthValidator(Path file, String realm, boolean allowPlain, Scope scope)
            throws IOException {
        this.file = file;
        this.challenge = Headers.of("WWW-Authenticate",
                "Basic realm=\"" + realm + "\", charset=\"UTF-8\"");
        this.allowPlain = allowPlain;
        this.scope = scope;
        this.users = Htpasswd.read(file);
    }

    @Override
    public Verdict validate(Request request) {
        if (!scope.covers(request)) {
            return Verdict.ACCEPT;
        }
        if (!allowPlain && !request.scheme().equals("https")) {
            return Verdict.reject(Status.FORBIDDEN,
                    "basic-auth needs TLS (allow_plain = true permits plain HTTP)");
        }
        Optional<String[]> credentials = request.header("Authorization")
                .flatMap(BasicAuthValidator::credentials);
        if (credentials.isEmpty()) {
            return Verdict.reject(Status.UNAUTHORIZED, "no basic credentials", challenge);
        }
        String[] pair = credentials.get();
        if (!users.verify(pair[0], pair[1])) {
            return Verdict.reject(Status.UNAUTHORIZED, "wrong user or password", challenge);
        }
        return Verdict.ACCEPT;
    }

    /** User and password from {@code Basic base64(user:password)}, UTF-8; empty if malformed. */
    static Optional<String[]> credentials(String authorization) {
        int space = authorization.indexOf(' ');
        if (space < 0 || !authorization.substring(0, space).equalsIgnoreCase("Basic")) {
            return Optional.empty();
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(authorization.substring(space + 1).strip());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(decoded)).toString();
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
        int colon = text.indexOf(':'); // a user-id cannot contain ':' (RFC 7617 §2)
        return colon < 0 ? Optional.empty()
                : Optional.of(new String[] {text.substring(0, colon), text.substring(colon + 1)});
    }

    @Override
    public void reload() throws IOException {
        users = Htpasswd.read(file);
    }
}
