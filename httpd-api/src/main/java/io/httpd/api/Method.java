package io.httpd.api;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.SequencedSet;

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
    /** The standard methods: RFC 9110 §9 in its order, then PATCH (RFC 5789). */
    public static final List<Method> STANDARD =
            List.of(GET, HEAD, POST, PUT, DELETE, CONNECT, OPTIONS, TRACE, PATCH);

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

    /**
     * The methods answered by whoever answers these: HEAD is added when GET is there, since a
     * HEAD is answered as a GET without its content (RFC 9110 §9.3.2). This is the one place
     * that rule is written.
     *
     * @param methods the methods, in the order to keep
     * @return a new set, in that order, HEAD last when it was added
     */
    public static SequencedSet<Method> withHead(Collection<Method> methods) {
        SequencedSet<Method> answered = new LinkedHashSet<>(methods);
        if (answered.contains(GET)) {
            answered.add(HEAD);
        }
        return answered;
    }

    /*
     * equals and hashCode written out: a record's own are linked at their first call, which
     * generates classes at every start (the AOT cache does not hold them), and a route's
     * methods are compared while the server starts.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Method m && name.equals(m.name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
