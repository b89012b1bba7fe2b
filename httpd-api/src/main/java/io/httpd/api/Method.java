package io.httpd.api;

import java.util.Objects;

/**
 * A request method (RFC 9110 §9): a case-sensitive token.
 *
 * @param name the method token as it appears on the request line
 */
public record Method(String name) {
    public static final Method GET = new Method("GET");
    public static final Method HEAD = new Method("HEAD");
    public static final Method POST = new Method("POST");
    public static final Method PUT = new Method("PUT");
    public static final Method DELETE = new Method("DELETE");
    public static final Method CONNECT = new Method("CONNECT");
    public static final Method OPTIONS = new Method("OPTIONS");
    public static final Method TRACE = new Method("TRACE");
    public static final Method PATCH = new Method("PATCH");

    public Method {
        Objects.requireNonNull(name, "name");
        if (!Token.isToken(name)) {
            throw new IllegalArgumentException("not a method token: " + name);
        }
    }

    /** Returns the shared constant for a standard method, else a new method of that name. */
    public static Method of(String name) {
        return switch (name) {
            case "GET" -> GET;
            case "HEAD" -> HEAD;
            case "POST" -> POST;
            case "PUT" -> PUT;
            case "DELETE" -> DELETE;
            case "CONNECT" -> CONNECT;
            case "OPTIONS" -> OPTIONS;
            case "TRACE" -> TRACE;
            case "PATCH" -> PATCH;
            default -> new Method(name);
        };
    }

    @Override
    public String toString() {
        return name;
    }
}
