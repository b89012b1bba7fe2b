package io.httpd.api;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * Headers and Parameters are values over their list: equal when their lists are (in order),
 * printed as the list, and immune to later changes of the list they were made from.
 */
class ListValueTest {
    @Test
    void headersAreEqualByTheirFieldsInOrderAndPrintAsTheList() {
        Headers h = Headers.of("Host", "a", "Accept", "*/*");
        assertEquals(h, Headers.of(List.of(new Headers.Field("Host", "a"),
                new Headers.Field("Accept", "*/*"))));
        assertEquals(h.hashCode(), Headers.of("Host", "a", "Accept", "*/*").hashCode());
        assertNotEquals(h, Headers.of("Accept", "*/*", "Host", "a"));
        assertEquals("[Field[name=Host, value=a], Field[name=Accept, value=*/*]]", h.toString());
        assertSame(Headers.EMPTY, Headers.of(List.of()));
    }

    @Test
    void headersKeepTheirOwnCopy() {
        List<Headers.Field> list = new ArrayList<>(List.of(new Headers.Field("Host", "a")));
        Headers h = new Headers(list);
        list.add(new Headers.Field("Host", "b"));
        assertEquals(List.of("a"), h.all("Host"));
        assertEquals(h, h.with("X", "1").without("X"));
    }

    @Test
    void parametersAreEqualByTheirPairsInOrderAndPrintAsTheList() {
        Parameters p = Parameters.parse("a=1&b=2");
        assertEquals(p, Parameters.of(List.of(new Parameters.Pair("a", "1"),
                new Parameters.Pair("b", "2"))));
        assertEquals(p.hashCode(), Parameters.parse("a=1&b=2").hashCode());
        assertNotEquals(p, Parameters.parse("b=2&a=1"));
        assertEquals("[Pair[name=a, value=1], Pair[name=b, value=2]]", p.toString());
        assertSame(Parameters.EMPTY, Parameters.of(List.of()));
        List<Parameters.Pair> list = new ArrayList<>(p.pairs());
        Parameters copy = new Parameters(list);
        list.clear();
        assertEquals(p, copy);
    }
}
