package io.httpd.api;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** RFC 9110 §9: the standard methods, and HEAD answered wherever GET is (§9.3.2). */
class MethodTest {

    @Test
    void getImpliesHeadKeepingTheOrder() {
        assertEquals(List.of(Method.POST, Method.GET, Method.HEAD),
                List.copyOf(Method.withHead(List.of(Method.POST, Method.GET))));
        assertEquals(List.of(Method.HEAD, Method.GET),
                List.copyOf(Method.withHead(List.of(Method.HEAD, Method.GET))));
    }

    @Test
    void headIsNotAddedWithoutGet() {
        assertEquals(List.of(Method.POST, Method.PUT),
                List.copyOf(Method.withHead(List.of(Method.POST, Method.PUT))));
    }

    @Test
    void standardMethodsAreTheSharedConstantsInRfcOrder() {
        assertEquals(List.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS",
                "TRACE", "PATCH"), Method.STANDARD.stream().map(Method::name).toList());
        Method.STANDARD.forEach(m -> assertSame(m, Method.of(m.name())));
    }

    /** RFC 9110 §9.1: the method token is case-sensitive; equal names, equal methods. */
    @Test
    void methodsAreEqualByTheirCaseSensitiveName() {
        assertEquals(Method.GET, new Method("GET"));
        assertEquals(Method.GET.hashCode(), new Method("GET").hashCode());
        assertNotEquals(Method.GET, new Method("get"));
        assertNotEquals(Method.GET, Method.HEAD);
        assertNotEquals(Method.GET, "GET");
    }
}
